package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.dreamloop.predictor.model.nn.GarbageCollections;
import io.dreamloop.predictor.model.nn.NumberArithmeticCalls;
import org.junit.jupiter.api.Test;

class KlDivergenceLossTest {
    private final KlDivergenceLoss loss = new KlDivergenceLoss();

    @Test
    void equalsTheHandComputedBatchMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Row 1: softmax(0, 0, 0) = 1/3 each, p = (1/2, 1/2, 0): KL = ln(1.5) (0 log 0 = 0).
            // Row 2: softmax(0, ln 2, 0) = (1/4, 1/2, 1/4), p = (1/4, 1/4, 1/2):
            //        KL = 1/4 ln 1 + 1/4 ln(1/2) + 1/2 ln 2 = ln(2) / 4.
            final NDArray logits =
                    m.create(new float[] {0, 0, 0, 0, (float) Math.log(2), 0}, new Shape(2, 3));
            final NDArray p =
                    m.create(new float[] {0.5f, 0.5f, 0, 0.25f, 0.25f, 0.5f}, new Shape(2, 3));
            final double expected = (Math.log(1.5) + Math.log(2) / 4) / 2; // batchmean
            assertThat(loss.evaluate(new NDList(p), new NDList(logits)).getFloat())
                    .isCloseTo((float) expected, offset(1e-6f));
            assertThat(expected).isCloseTo(0.2893759, offset(1e-7));
        }
    }

    @Test
    void isZeroWhenTheModelMatchesTheTargetWhateverTheLogitShift() {
        try (NDManager m = NDManager.newBaseManager()) {
            final float[] target = SoftTargets.of(6.4);
            final float[] logits = new float[18];
            for (int k = 0; k < 18; k++) {
                logits[k] = (float) Math.log(Math.max(target[k], 1e-30)) + 3.5f;
            }
            final NDArray value =
                    loss.evaluate(
                            new NDList(m.create(target, new Shape(1, 18))),
                            new NDList(m.create(logits, new Shape(1, 18))));
            assertThat(value.getFloat()).isCloseTo(0f, offset(1e-5f));
        }
    }

    @Test
    void gradientIsSoftmaxMinusTargetOverBatchWithACollectionBeforeBackward() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            final NDArray logits = m.randomNormal(new Shape(4, 18));
            logits.setRequiresGradient(true);
            final float[] targets = new float[4 * 18];
            for (int n = 0; n < 4; n++) {
                System.arraycopy(SoftTargets.of(n * 4.1), 0, targets, n * 18, 18);
            }
            final NDArray p = m.create(targets, new Shape(4, 18));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                final NDArray value = loss.evaluate(new NDList(p), new NDList(logits));
                // With DJL's div(Number) the backward read 1/N from freed memory after this.
                GarbageCollections.collectAndClean();
                collector.backward(value);
            }
            final float[] expected = logits.softmax(1).sub(p).div(4f).toFloatArray();
            assertThat(logits.getGradient().toFloatArray())
                    .containsExactly(expected, offset(1e-6f));
        }
    }

    @Test
    void trainingCodeUsesScalarsForNumberArithmetic() {
        assertThat(NumberArithmeticCalls.inPackageOf(KlDivergenceLoss.class)).isEmpty();
    }

    @Test
    void rejectsMismatchedShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(
                            () ->
                                    loss.evaluate(
                                            new NDList(m.zeros(new Shape(2, 18))),
                                            new NDList(m.zeros(new Shape(2, 17)))))
                    .hasMessage("target probabilities (2, 18) do not match logits (2, 17)");
        }
    }
}
