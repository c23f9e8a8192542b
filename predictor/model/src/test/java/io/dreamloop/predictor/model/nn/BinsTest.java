package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BinsTest {

    @Test
    void theHostFormulaMatchesTheEngineOnTheSameLogits() {
        final int rows = 50;
        final float[] logits = new float[rows * 18];
        final SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 4); // peaked and flat rows alike
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            final NDArray array = manager.create(logits, new Shape(rows, 18));
            final float[] engine = Bins.expectedBin(array).toFloatArray();
            for (int row = 0; row < rows; row++) {
                assertThat(Bins.expectedBin(logits, row * 18, 18))
                        .isCloseTo(engine[row], Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void hugeLogitsStayFinite() {
        final float[] logits = new float[18];
        logits[17] = 1e4f;
        logits[3] = -1e4f;
        assertThat(Bins.expectedBin(logits, 0, 18)).isEqualTo(17f);
    }
}
