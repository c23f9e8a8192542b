package io.dreamloop.designer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** designer settings. */
@ConfigMapping(prefix = "dreamloop.designer")
public interface DesignerConfig {

    /** Limits on requests. */
    Limits limits();

    /** Limits on what one request may ask for. */
    interface Limits {
        /** Largest library one request may ask for. */
        @WithDefault("1000000")
        int maxLibrarySize();

        /**
         * Random draws per requested sequence before a request is declared unsatisfiable: a request
         * whose constraints almost nothing satisfies fails with a message instead of running
         * forever.
         */
        @WithDefault("1000")
        int drawsPerSequence();
    }
}
