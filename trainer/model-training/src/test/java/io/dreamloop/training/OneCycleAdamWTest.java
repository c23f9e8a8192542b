package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The update against PyTorch's AdamW algorithm, written out in doubles. */
class OneCycleAdamWTest {

    @Test
    void threeStepsMatchPyTorchsAdamWWithTheCycledBetaOne() {
        final OneCycleSchedule schedule = OneCycleSchedule.dream(0.1, 10);
        final float decay = 0.01f;
        final OneCycleAdamW optimizer = new OneCycleAdamW(schedule, decay);
        final double[] w = {1.0, -2.0, 0.5};
        final double[][] grads = {{0.1, -0.3, 0.0}, {0.2, 0.1, -0.05}, {-0.4, 0.2, 0.3}};
        final double[] m = new double[3];
        final double[] v = new double[3];
        try (NDManager manager = NDManager.newBaseManager()) {
            final NDArray weight = manager.create(toFloats(w));
            for (int t = 1; t <= grads.length; t++) {
                optimizer.update("w", weight, manager.create(toFloats(grads[t - 1])));
                // torch.optim.AdamW, one step, with lr and beta1 from the scheduler's step t - 1.
                final double lr = schedule.learningRate(t - 1);
                final double beta1 = schedule.momentum(t - 1);
                for (int i = 0; i < 3; i++) {
                    final double g = grads[t - 1][i];
                    w[i] *= 1 - lr * decay;
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    v[i] = 0.999 * v[i] + (1 - 0.999) * g * g;
                    final double mHat = m[i] / (1 - Math.pow(beta1, t));
                    final double vHat = v[i] / (1 - Math.pow(0.999, t));
                    w[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
                }
                assertThat(weight.toFloatArray())
                        .as("after step %d", t)
                        .containsExactly(toFloats(w), offset(2e-6f));
            }
            // The steps moved the weights by about the learning rates (4e-3 .. 4e-2 here), so the
            // check is not vacuous.
            assertThat(w[0]).isNotCloseTo(1.0, offset(0.005));
        }
    }

    @Test
    void rejectsANegativeDecay() {
        assertThatThrownBy(() -> new OneCycleAdamW(OneCycleSchedule.dream(0.1, 10), -1f))
                .hasMessage("weightDecay must be >= 0 and finite, but was -1.0");
    }

    private static float[] toFloats(final double[] values) {
        final float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
