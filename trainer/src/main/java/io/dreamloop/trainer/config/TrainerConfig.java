package io.dreamloop.trainer.config;

import io.dreamloop.contracts.event.ExpressionScale;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** trainer settings. */
@ConfigMapping(prefix = "dreamloop.trainer")
public interface TrainerConfig {

    /** The dataset. */
    Dataset dataset();

    /** What enters the dataset. */
    interface Dataset {
        /**
         * Expression scales this trainer accepts; measurements on any other scale are dead-lettered
         * rather than silently mixed with the rest.
         */
        @WithDefault("bin-index,maude-mean,maude-z,assay-native")
        Set<String> scales();

        /** True if {@code scale} is accepted. */
        default boolean accepts(final ExpressionScale scale) {
            return scales().contains(scale.wireName());
        }
    }
}
