package io.dreamloop.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.predictor.model.Precision;
import org.junit.jupiter.api.Test;

class PrecisionConverterTest {

    @Test
    void configurationReadsTheWireName() {
        assertThat(new PrecisionConverter().convert(" float16 ")).isSameAs(Precision.FLOAT16);
        assertThat(new PrecisionConverter().convert("float32")).isSameAs(Precision.FLOAT32);
    }

    @Test
    void anUnknownPrecisionFailsWithTheValidNames() {
        assertThatThrownBy(() -> new PrecisionConverter().convert("fp16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown precision 'fp16'; use float32, float16, bfloat16");
    }
}
