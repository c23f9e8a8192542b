package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ScalarsTest {
    private static final float[] X = {1f, -2f, 3.5f};
    private static final int TRIES = 5;

    @Test
    void gradientsSurviveACollectionBetweenForwardAndBackward() {
        for (int i = 0; i < TRIES; i++) {
            assertThat(gradientAfterCollection(x -> Scalars.mul(x, 2f))).containsOnly(2f);
            assertThat(gradientAfterCollection(x -> Scalars.div(x, 4f))).containsOnly(0.25f);
        }
    }

    /**
     * The power of the test above: the same collection makes DJL's own {@code mul(Number)} read
     * freed memory. If this fails, DJL keeps the number alive now and {@link Scalars} can go.
     */
    @Test
    void theSameCollectionBreaksDjlsNumberArithmetic() {
        boolean wrong = false;
        for (int i = 0; i < TRIES && !wrong; i++) {
            wrong = gradientAfterCollection(x -> x.mul(2f))[0] != 2f;
        }
        assertThat(wrong).as("x.mul(2f)'s gradient after a collection").isTrue();
    }

    @Test
    void valuesAndTypeAreThoseOfPlainArithmetic() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final NDArray x = manager.create(X);
            assertThat(Scalars.mul(x, 0.5f).toFloatArray()).containsExactly(0.5f, -1f, 1.75f);
            assertThat(Scalars.div(x, 2f).toFloatArray()).containsExactly(0.5f, -1f, 1.75f);
            final NDArray half = x.toType(DataType.FLOAT16, false);
            assertThat(Scalars.mul(half, 0.5f).getDataType()).isEqualTo(DataType.FLOAT16);
        }
    }

    @Test
    void modelBlocksUseScalarsForNumberArithmetic() {
        assertThat(NumberArithmeticCalls.inPackageOf(Scalars.class)).isEmpty();
    }

    @Test
    void theScanFindsNumberArithmetic() {
        assertThat(NumberArithmeticCalls.in(Offender.class))
                .singleElement()
                .asString()
                .contains("Offender.halve calls ai/djl/ndarray/NDArray.mul(Ljava/lang/Number;)");
    }

    /** {@code op(x)} forward, a full collection, then backward: {@code x}'s gradient. */
    private static float[] gradientAfterCollection(final UnaryOperator<NDArray> op) {
        try (NDManager manager = NDManager.newBaseManager()) {
            final NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                final NDArray y = op.apply(x);
                GarbageCollections.collectAndClean();
                collector.backward(y.sum());
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** What the scan is for. */
    private static final class Offender {
        private Offender() {}

        @SuppressWarnings("unused")
        static NDArray halve(final NDArray x) {
            return x.mul(0.5f);
        }
    }
}
