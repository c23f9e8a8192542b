package io.dreamloop.labingest.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Log-gamma and the maximizer against values from R (the normal: contracts NormalTest). */
class NumericsTest {

    @Test
    void logGammaMatchesR() {
        assertThat(LogGamma.of(1)).isCloseTo(0, within(1e-14));
        assertThat(LogGamma.of(2)).isCloseTo(0, within(1e-14));
        assertThat(LogGamma.of(0.5)).isCloseTo(0.5723649429247001, within(1e-14));
        assertThat(LogGamma.of(0.1)).isCloseTo(2.252712651734206, within(1e-13));
        assertThat(LogGamma.of(10)).isCloseTo(12.801827480081469, within(1e-12));
        assertThat(LogGamma.of(100)).isCloseTo(359.1342053695754, within(1e-10));
        assertThat(LogGamma.of(1e6)).isCloseTo(12815504.569147612, within(1e-6));
    }

    @Test
    void maximizerFindsInteriorAndBoundOptima() {
        assertThat(BoundedMaximizer.maximize(x -> -(x - 1.3) * (x - 1.3), -4, 4, 1e-8))
                .isCloseTo(1.3, within(1e-6));
        assertThat(BoundedMaximizer.maximize(x -> x, -4, 4, 1e-8)).isEqualTo(4);
        assertThat(
                        BoundedMaximizer.maximize(
                                x -> x > 2 ? Double.NaN : -Math.abs(x - 1), -4, 4, 1e-8))
                .isCloseTo(1, within(1e-6));
    }
}
