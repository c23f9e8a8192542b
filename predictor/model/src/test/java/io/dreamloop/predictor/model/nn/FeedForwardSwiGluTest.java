package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The feed-forward module against plain Java: LayerNorm (eps 1e-6), up projection, {@code a *
 * SiLU(b)} with {@code a} the first half, down projection. Pins the half that is gated, which a
 * weight import has to get right.
 */
class FeedForwardSwiGluTest {
    private static final int C = 4;
    private static final int L = 3;

    @Test
    void inInferenceEqualsLayerNormThenGatedProjections() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(5);
            final FeedForwardSwiGlu block = new FeedForwardSwiGlu(C, 0.5f);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, L, C));
            assertThat(Parameters.countTrainable(block)).isEqualTo(6L * C * C + 2L * C);
            final NDArray x = manager.randomNormal(new Shape(1, L, C)).mul(2).add(1);
            final float[] actual =
                    block.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .singletonOrThrow()
                            .toFloatArray();

            final ParameterList p = block.getParameters();
            final float[] up = p.get("02up_weight").getArray().toFloatArray(); // (4C, C)
            final float[] down = p.get("03down_weight").getArray().toFloatArray(); // (C, 2C)
            final float[] in = x.toFloatArray();
            for (int t = 0; t < L; t++) {
                final double[] n = layerNorm(in, t * C);
                final double[] gated = new double[2 * C];
                for (int j = 0; j < 2 * C; j++) {
                    final double a = dot(up, j * C, n);
                    final double b = dot(up, (j + 2 * C) * C, n);
                    gated[j] = a * b / (1 + Math.exp(-b));
                }
                for (int k = 0; k < C; k++) {
                    assertThat(actual[t * C + k])
                            .isCloseTo((float) dot(down, k * 2 * C, gated), Offset.offset(1e-5f));
                }
            }
        }
    }

    private static double[] layerNorm(final float[] x, final int from) {
        double mean = 0;
        for (int k = 0; k < C; k++) {
            mean += x[from + k] / (double) C;
        }
        double variance = 0;
        for (int k = 0; k < C; k++) {
            variance += Math.pow(x[from + k] - mean, 2) / C;
        }
        final double[] out = new double[C];
        for (int k = 0; k < C; k++) {
            out[k] = (x[from + k] - mean) / Math.sqrt(variance + 1e-6);
        }
        return out;
    }

    private static double dot(final float[] rows, final int from, final double[] v) {
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            sum += rows[from + k] * v[k];
        }
        return sum;
    }
}
