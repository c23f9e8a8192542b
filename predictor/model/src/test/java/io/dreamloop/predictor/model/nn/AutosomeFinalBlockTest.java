package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class AutosomeFinalBlockTest {

    @Test
    void mapsChannelsToEighteenBinLogitsAndCountsLikePyTorch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final AutosomeFinalBlock block = new AutosomeFinalBlock();
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 64, 150));
            assertThat(Parameters.countTrainable(block)).isEqualTo(1_170); // SPEC §2.2
            final NDArray x = manager.randomNormal(new Shape(2, 64, 150));
            final NDArray logits =
                    block.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .singletonOrThrow();
            assertThat(logits.getShape()).isEqualTo(new Shape(2, 18));
            final float[] bins = Bins.expectedBin(logits).toFloatArray();
            assertThat(bins).hasSize(2);
            for (final float b : bins) {
                assertThat(b).isBetween(0f, 17f);
            }
        }
    }

    @Test
    void expectedBinOfAOneHotDistributionIsThatBin() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final float[] logits = new float[18];
            java.util.Arrays.fill(logits, -1e4f);
            logits[11] = 0f;
            final NDArray x = manager.create(logits, new Shape(1, 18));
            assertThat(Bins.expectedBin(x).toFloatArray()[0])
                    .isCloseTo(11f, org.assertj.core.data.Offset.offset(1e-4f));
        }
    }
}
