package io.dreamloop.labingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** lab-ingest settings. */
@ConfigMapping(prefix = "dreamloop.lab-ingest")
public interface LabIngestConfig {

    /** Libraries. */
    Libraries libraries();

    /** Limits on received libraries. */
    interface Libraries {
        /**
         * Largest library accepted; a larger one is dead-lettered instead of filling the database.
         */
        @WithDefault("2000000")
        int maxMembers();
    }
}
