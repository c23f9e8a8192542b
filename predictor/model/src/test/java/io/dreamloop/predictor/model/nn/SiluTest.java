package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SiluTest {
    private static final float[] X = {-6f, -1.5f, -0.1f, 0f, 0.3f, 2f, 9f};

    @Test
    void inferenceComputesXTimesSigmoidInPlaceOfANewArray() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final NDArray x = manager.create(X);
            final float[] y = Silu.apply(x).toFloatArray();
            for (int i = 0; i < X.length; i++) {
                assertThat(y[i]).isCloseTo(silu(X[i]), Offset.offset(1e-6f));
            }
            assertThat(x.toFloatArray()).containsExactly(X); // the input is untouched
        }
    }

    @Test
    void inGradModeTheGradientIsSilusDerivative() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final NDArray x = manager.create(X, new Shape(X.length));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                final NDArray y = Silu.apply(x);
                final float[] values = y.toFloatArray();
                for (int i = 0; i < X.length; i++) {
                    assertThat(values[i]).isCloseTo(silu(X[i]), Offset.offset(1e-6f));
                }
                collector.backward(y.sum());
            }
            final float[] gradient = x.getGradient().toFloatArray();
            for (int i = 0; i < X.length; i++) {
                final double s = 1 / (1 + Math.exp(-X[i]));
                assertThat(gradient[i])
                        .isCloseTo((float) (s * (1 + X[i] * (1 - s))), Offset.offset(1e-6f));
            }
        }
    }

    private static float silu(final float x) {
        return (float) (x / (1 + Math.exp(-x)));
    }
}
