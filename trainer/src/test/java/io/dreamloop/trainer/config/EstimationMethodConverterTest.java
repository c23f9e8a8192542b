package io.dreamloop.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.EstimationMethod;
import org.junit.jupiter.api.Test;

class EstimationMethodConverterTest {

    @Test
    void configurationReadsTheWireName() {
        assertThat(new EstimationMethodConverter().convert(" maude "))
                .isSameAs(EstimationMethod.MAUDE);
        assertThat(new EstimationMethodConverter().convert("bin-weighted-mean"))
                .isSameAs(EstimationMethod.BIN_WEIGHTED_MEAN);
    }

    @Test
    void aMisspeltMethodFailsStartupInsteadOfTrainingOnNothing() {
        assertThatThrownBy(() -> new EstimationMethodConverter().convert("bin_weighted_mean"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown estimation method 'bin_weighted_mean'; known: maude, bin-weighted-mean");
    }
}
