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

class AutosomeFirstBlockTest {

    @Test
    void paperSizeCountsAndInitializesLikeAutosome() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(4);
            final AutosomeFirstBlock block = AutosomeFirstBlock.paper();
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 6, 150));
            assertThat(Parameters.countTrainable(block)).isEqualTo(10_752 + 512);

            final ParameterList p = block.getParameters();
            final NDArray weight = p.get("01conv_weight").getArray();
            assertThat(weight.getShape()).isEqualTo(new Shape(256, 6, 7));
            final double std = Math.sqrt(weight.pow(2).mean().getFloat());
            assertThat(std).isCloseTo(Math.sqrt(2.0 / (7 * 256)), Offset.offset(0.002));
            assertThat(p.get("02norm_gamma").getArray().toFloatArray()).containsOnly(1f);
            assertThat(p.get("02norm_beta").getArray().toFloatArray()).containsOnly(0f);

            final NDArray y =
                    block.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(manager.randomUniform(0, 1, new Shape(2, 6, 150))),
                                    false)
                            .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 256, 150));
            assertThat(y.min().getFloat()).isGreaterThan(-0.2785f); // SiLU's minimum
        }
    }
}
