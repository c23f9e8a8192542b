package io.dreamloop.predictor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** predictor settings. */
@ConfigMapping(prefix = "dreamloop.predictor")
public interface PredictorConfig {

    /** The model registry. */
    Registry registry();

    /** What the registry accepts. */
    interface Registry {
        /** Architectures this predictor can serve; a model of any other is dead-lettered. */
        @WithDefault("dream-cnn,dream-rnn,dream-attn")
        List<String> architectures();
    }
}
