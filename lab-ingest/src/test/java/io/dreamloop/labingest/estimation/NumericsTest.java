package io.dreamloop.labingest.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Normal CDF/quantile, log-gamma and the maximizer against values from R. */
class NumericsTest {

    @Test
    void normalCdfMatchesR() {
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(1)).isCloseTo(0.8413447460685429, within(1e-14));
        assertThat(Normal.cdf(-1.96)).isCloseTo(0.024997895148220435, within(1e-14));
        assertThat(Normal.cdf(3)).isCloseTo(0.9986501019683699, within(1e-14));
        assertThat(Normal.cdf(-5))
                .isCloseTo(2.866515718791939e-07, within(1e-16)); // relative 1e-9 in the far tail
        assertThat(Normal.upperTail(8)).isCloseTo(6.220960574271785e-16, within(1e-23));
    }

    @Test
    void intervalMassKeepsTailDigits() {
        assertThat(Normal.mass(-1, 1)).isCloseTo(0.6826894921370859, within(1e-14));
        assertThat(Normal.mass(6, 7))
                .isCloseTo(9.865876450377e-10 - 1.279812543885835e-12, within(1e-18));
    }

    @Test
    void normalQuantileMatchesR() {
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-15));
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(Normal.quantile(0.9)).isCloseTo(1.2815515655446004, within(1e-13));
        assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-13));
        assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-9));
        for (final double p : new double[] {1e-8, 0.01, 0.3, 0.7, 0.99, 1 - 1e-8}) {
            assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-15 + 1e-9 * p));
        }
    }

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
