package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.dreamloop.contracts.stats.Normal;
import org.junit.jupiter.api.Test;

class SoftTargetsTest {

    @Test
    void targetsSumToOneAndPeakInTheValuesBin() {
        for (final double y :
                new double[] {0, 0.3, 3, 7.49, 12, 12.7, 15.1823836007871, 16.99, 17}) {
            final float[] p = SoftTargets.of(y);
            assertThat(p).hasSize(18);
            double sum = 0;
            int peak = 0;
            for (int k = 0; k < 18; k++) {
                assertThat(p[k]).isBetween(0f, 1f);
                sum += p[k];
                peak = p[k] > p[peak] ? k : peak;
            }
            assertThat(sum).as("sum for %s", y).isCloseTo(1, offset(1e-6));
            // Bin k = [k, k+1) is centred on k + 0.5, so the bin nearest the mean y + 0.5, bin
            // round(y), holds the most mass.
            assertThat(peak).as("peak for %s", y).isEqualTo((int) Math.min(17, Math.round(y)));
        }
    }

    @Test
    void anIntegerValuePutsSixtyEightPercentInItsBin() {
        // y = 12: Normal(12.5, 0.5); bin 12 = [12, 13) = mean -/+ 1 sd.
        final float[] p = SoftTargets.of(12);
        assertThat(p[12]).isCloseTo(0.6826895f, offset(1e-6f));
        assertThat(p[11]).isCloseTo(p[13], offset(1e-7f));
        assertThat(p[11]).isCloseTo(0.1573054f, offset(1e-6f)); // Φ(-1) - Φ(-3)
        // The open end bins: y = 0 puts Φ(1) below 1, y = 17 puts 1 - Φ(-1) at 17 and above.
        assertThat(SoftTargets.of(0)[0]).isCloseTo(0.8413447f, offset(1e-6f));
        assertThat(SoftTargets.of(17)[17]).isCloseTo(0.8413447f, offset(1e-6f));
    }

    @Test
    void aNonIntegerValueFollowsTheFormula() {
        final double y = 3.3;
        final float[] p = SoftTargets.of(y);
        // p_k = Φ((k + 1 - y - 0.5) / 0.5) - Φ((k - y - 0.5) / 0.5)
        assertThat(p[3])
                .isCloseTo(
                        (float) (Normal.cdf((4 - 3.8) / 0.5) - Normal.cdf((3 - 3.8) / 0.5)),
                        offset(1e-7f));
        assertThat(p[3]).isCloseTo(0.6006224f, offset(1e-6f));
    }
}
