package io.dreamloop.predictor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** predictor settings. */
@ConfigMapping(prefix = "dreamloop.predictor")
public interface PredictorConfig {

    /** The model registry. */
    Registry registry();

    /** Scoring. */
    Scoring scoring();

    /** What the registry accepts and where artifacts live. */
    interface Registry {
        /** Architectures this predictor can serve; a model of any other is dead-lettered. */
        @WithDefault("dream-cnn,dream-rnn,dream-attn")
        List<String> architectures();

        /** Directory of the content-addressed model store that imports write to. */
        @WithDefault(".run/models")
        String store();
    }

    /** How sequences are scored. */
    interface Scoring {
        /**
         * Device: {@code auto} (the first GPU when the engine sees one, else the CPU), {@code cpu}
         * or {@code gpu}.
         */
        @WithDefault("auto")
        String device();

        /**
         * Largest batch per forward pass. On this 2-core CPU 64-256 is best; on a GPU 1024-4096
         * (the reference validates with 4096).
         */
        @WithDefault("256")
        int batchSize();

        /** Largest number of sequences one HTTP request may ask for. */
        @WithDefault("100000")
        int maxSequencesPerRequest();
    }
}
