package io.dreamloop.labingest.insilico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void standardizesToMeanZeroAndSampleSdOne() {
        final double[] z = Scale.standardized(new double[] {1, 2, 3});
        assertThat(z).containsExactly(new double[] {-1, 0, 1}, within(1e-12));
    }

    @Test
    void aPopulationWithoutSpreadKeepsSdOne() {
        assertThat(Scale.of(new double[] {4, 4})).isEqualTo(new Scale(4, 1));
    }

    @Test
    void refusesANonPositiveSd() {
        assertThatThrownBy(() -> new Scale(0, 0)).hasMessageContaining("sd > 0");
    }
}
