package io.dreamloop.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.predictor.model.ModelSize;
import org.junit.jupiter.api.Test;

class ModelSizeConverterTest {

    @Test
    void configurationReadsTheWireName() {
        assertThat(new ModelSizeConverter().convert(" paper ")).isSameAs(ModelSize.PAPER);
        assertThat(new ModelSizeConverter().convert("cpu")).isSameAs(ModelSize.CPU);
    }

    @Test
    void anUnknownSizeFailsInsteadOfTrainingTheCpuSize() {
        assertThatThrownBy(() -> new ModelSizeConverter().convert("large"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown model size 'large'; known: cpu, paper");
    }
}
