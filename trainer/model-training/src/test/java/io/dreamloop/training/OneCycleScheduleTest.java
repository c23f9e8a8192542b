package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Values against PyTorch's OneCycleLR formula (two phases, cosine, defaults as in SPEC §1.6). */
class OneCycleScheduleTest {
    private static final int TOTAL = 100; // e.g. 2 epochs of 50 batches
    private final OneCycleSchedule schedule = OneCycleSchedule.dream(0.005, TOTAL);

    /** PyTorch's _annealing_cos. */
    private static double cos(final double start, final double end, final double pct) {
        return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
    }

    @Test
    void startsAtMaxOverDivFactorPeaksAtThirtyPercentAndEndsAtMinLr() {
        final double initial = 0.005 / 25; // 2e-4
        final double min = initial / 1e4; // 2e-8
        final int peak = (int) (0.3 * TOTAL - 1); // PyTorch: phase 1 ends at pct_start * total - 1
        assertThat(schedule.learningRate(0)).isCloseTo(initial, offset(1e-15));
        assertThat(schedule.learningRate(peak)).isCloseTo(0.005, offset(1e-15));
        assertThat(schedule.learningRate(TOTAL - 1)).isCloseTo(min, offset(1e-15));
        assertThat(min).isCloseTo(2e-8, offset(1e-20));
        for (int step = 1; step < TOTAL - 1; step++) {
            assertThat(schedule.learningRate(step)).isBetween(min, 0.005);
        }
    }

    @Test
    void followsTheCosineBetweenTheAnchors() {
        final double peak = 0.3 * TOTAL - 1; // 29
        assertThat(schedule.learningRate(10))
                .isCloseTo(cos(0.0002, 0.005, 10 / peak), offset(1e-15));
        assertThat(schedule.learningRate(60))
                .isCloseTo(cos(0.005, 2e-8, (60 - peak) / (TOTAL - 1 - peak)), offset(1e-15));
        // Hand values: step 10 of the rise, pct = 10/29.
        assertThat(schedule.learningRate(10)).isCloseTo(0.00147582, offset(1e-8));
    }

    @Test
    void cyclesBetaOneAgainstTheRate() {
        assertThat(schedule.momentum(0)).isCloseTo(0.95, offset(1e-15));
        assertThat(schedule.momentum(29)).isCloseTo(0.85, offset(1e-15));
        assertThat(schedule.momentum(TOTAL - 1)).isCloseTo(0.95, offset(1e-15));
        assertThat(schedule.momentum(60))
                .isCloseTo(cos(0.85, 0.95, (60 - 29.0) / (TOTAL - 1 - 29.0)), offset(1e-15));
    }

    @Test
    void djlsFirstUpdateUsesStepZero() {
        // DJL counts updates from 1; PyTorch's first optimizer step uses the scheduler's step 0.
        assertThat(schedule.getNewValue(1)).isEqualTo((float) schedule.learningRate(0));
        assertThat(schedule.getNewValue(TOTAL)).isEqualTo((float) schedule.learningRate(TOTAL - 1));
        assertThatThrownBy(() -> schedule.getNewValue(TOTAL + 2))
                .hasMessage("step 101 is outside the schedule's 100 steps");
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> OneCycleSchedule.dream(0, 10))
                .hasMessage("maxLr must be positive and finite, but was 0.0");
        assertThatThrownBy(() -> OneCycleSchedule.dream(0.1, 0))
                .hasMessage("totalSteps must be >= 1, but was 0");
        assertThatThrownBy(() -> new OneCycleSchedule(0.1, 10, 1, 25, 1e4, 0.85, 0.95))
                .hasMessage("pctStart must be in (0, 1), but was 1.0");
    }
}
