package io.dreamloop.contracts.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The standard normal's CDF, interval mass and quantile against values from R. */
class NormalTest {

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
    void infiniteBoundsGiveTheWholeTails() {
        assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Normal.mass(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Normal.mass(1, Double.POSITIVE_INFINITY))
                .isCloseTo(0.15865525393145707, within(1e-15));
        assertThat(Normal.mass(Double.NEGATIVE_INFINITY, -8))
                .isCloseTo(6.22096057427178e-16, within(1e-22));
    }
}
