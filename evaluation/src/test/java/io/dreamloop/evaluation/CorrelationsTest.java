package io.dreamloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationsTest {

    private static final double EPS = 1e-12;

    @Test
    void pearsonOfThreePointsByHand() {
        // x = (1, 2, 4), y = (1, 3, 2): means 7/3 and 2.
        // dx = (-4/3, -1/3, 5/3), dy = (-1, 1, 0)
        // sxy = 4/3 - 1/3 + 0 = 1, sxx = (16 + 1 + 25)/9 = 14/3, syy = 2
        // r = 1 / sqrt(28/3) = sqrt(3/28) = 0.327326835...
        final Correlation r = Correlations.pearson(new double[] {1, 2, 4}, new double[] {1, 3, 2});
        assertThat(r.defined()).isTrue();
        assertThat(r.n()).isEqualTo(3);
        assertThat(r.value()).isCloseTo(Math.sqrt(3.0 / 28), within(EPS));
        // Ranks (1, 2, 3) and (1, 3, 2): rho = 0.5.
        assertThat(Correlations.spearman(new double[] {1, 2, 4}, new double[] {1, 3, 2}).value())
                .isCloseTo(0.5, within(EPS));
    }

    @Test
    void ranksAverageTiesAsScipy() {
        assertThat(Correlations.ranks(new double[] {10, 20, 20, 5}))
                .containsExactly(2, 3.5, 3.5, 1);
        // scipy.stats.rankdata([0.3, -1.2, 2.5, 0.0, 1.1, 1.1, -0.4, 0.3])
        assertThat(Correlations.ranks(new double[] {0.3, -1.2, 2.5, 0.0, 1.1, 1.1, -0.4, 0.3}))
                .containsExactly(4.5, 1, 8, 3, 6.5, 6.5, 2, 4.5);
        assertThat(Correlations.ranks(new double[] {7, 7, 7})).containsExactly(2, 2, 2);
    }

    @Test
    void spearmanWithTiesOnBothSidesMatchesScipy() {
        final double[] x = {0.3, -1.2, 2.5, 0.0, 1.1, 1.1, -0.4, 0.3};
        final double[] y = {1.0, 0.5, 2.0, 0.5, 3.0, 1.5, -1.0, 1.0};
        // scipy 1.17.1: pearsonr(x, y)[0], spearmanr(x, y)[0]
        assertThat(Correlations.pearson(x, y).value()).isCloseTo(0.6964991616549538, within(EPS));
        assertThat(Correlations.spearman(x, y).value()).isCloseTo(0.9146341463414636, within(EPS));
    }

    @Test
    void spearmanIsPearsonOfAverageRanks() {
        // x = (1, 2, 3, 4), y = (1, 1, 2, 5): y's ranks (1.5, 1.5, 3, 4), mean 2.5
        // dx = (-1.5, -0.5, 0.5, 1.5), dy = (-1, -1, 0.5, 1.5)
        // sxy = 1.5 + 0.5 + 0.25 + 2.25 = 4.5, sxx = 5, syy = 4.5 -> rho = 4.5 / sqrt(22.5)
        assertThat(
                        Correlations.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 1, 2, 5})
                                .value())
                .isCloseTo(3 / Math.sqrt(10), within(EPS));
    }

    @Test
    void perfectAndInverse() {
        final double[] x = {0.1, 0.7, -0.3, 2.2};
        final double[] y = {1.2, 2.4, 0.4, 5.4}; // 2x + 1
        assertThat(Correlations.pearson(x, y).value()).isCloseTo(1.0, within(EPS));
        assertThat(Correlations.spearman(x, y).value()).isCloseTo(1.0, within(EPS));
        final double[] minus = {-0.1, -0.7, 0.3, -2.2};
        assertThat(Correlations.pearson(x, minus).value()).isCloseTo(-1.0, within(EPS));
        assertThat(Correlations.spearman(x, minus).value()).isCloseTo(-1.0, within(EPS));
    }

    @Test
    void largeOffsetLosesNoPrecision() {
        final double[] x = {1e8 + 1, 1e8 + 2, 1e8 + 3};
        final double[] y = {1, 3, 2};
        assertThat(Correlations.pearson(x, y).value()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void tooFewPointsIsUndefinedWithAReason() {
        final Correlation none = Correlations.pearson(new double[0], new double[0]);
        assertThat(none.value()).isNaN();
        assertThat(none.defined()).isFalse();
        assertThat(none.undefinedReason()).isEqualTo("fewer than 2 points (n=0)");
        final Correlation one = Correlations.spearman(new double[] {1}, new double[] {2});
        assertThat(one.value()).isNaN();
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.undefinedReason()).isEqualTo("fewer than 2 points (n=1)");
        assertThat(Correlations.pearson(new double[] {1, 2}, new double[] {5, 3}).value())
                .isCloseTo(-1.0, within(EPS));
    }

    @Test
    void constantSideIsUndefinedWithAReason() {
        final Correlation r =
                Correlations.pearson(new double[] {1, 2, 3}, new double[] {0.5, 0.5, 0.5});
        assertThat(r.value()).isNaN();
        assertThat(r.undefinedReason()).isEqualTo("zero variance in y (all 3 values are 0.5)");
        final Correlation rho =
                Correlations.spearman(new double[] {4, 4, 4, 4}, new double[] {1, 2, 3, 4});
        assertThat(rho.value()).isNaN();
        assertThat(rho.undefinedReason()).isEqualTo("zero variance in x (all 4 values are 4.0)");
    }

    @Test
    void invalidInputIsAnError() {
        assertThatThrownBy(() -> Correlations.pearson(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x and y differ in length: 2 and 1");
        assertThatThrownBy(
                        () ->
                                Correlations.spearman(
                                        new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y[1] is NaN; correlations need finite values");
    }
}
