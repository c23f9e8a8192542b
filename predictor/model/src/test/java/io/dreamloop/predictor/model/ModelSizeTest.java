package io.dreamloop.predictor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.nn.DreamAttnConfig;
import io.dreamloop.predictor.model.nn.DreamCnnConfig;
import io.dreamloop.predictor.model.nn.DreamRnnConfig;
import org.junit.jupiter.api.Test;

class ModelSizeTest {

    @Test
    void wireNamesRoundTrip() {
        assertThat(ModelSize.wireNames()).containsExactly("cpu", "paper");
        for (final ModelSize size : ModelSize.values()) {
            assertThat(ModelSize.fromWireName(size.wireName())).isEqualTo(size);
        }
    }

    @Test
    void anUnknownSizeIsRejectedNamingTheValidOnes() {
        // Before the enum, any size but "paper" silently trained the CPU size.
        assertThatThrownBy(() -> ModelSize.fromWireName("medium"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown model size 'medium'; known: cpu, paper");
    }

    @Test
    void eachSizeIsTheConfigFactoryOfItsName() {
        assertThat(DjlModels.configuration(Architecture.DREAM_CNN, ModelSize.CPU))
                .isEqualTo(DreamCnnConfig.cpu());
        assertThat(DjlModels.configuration(Architecture.DREAM_RNN, ModelSize.PAPER))
                .isEqualTo(DreamRnnConfig.paper());
        assertThat(DjlModels.configuration(Architecture.DREAM_ATTN, ModelSize.CPU))
                .isEqualTo(DreamAttnConfig.cpu());
    }
}
