package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class BhiFirstBlockTest {

    @Test
    void paperSizeHasTheReferenceParameterCountAndKeepsTheLength() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1);
            final BhiFirstBlock block = BhiFirstBlock.paper();
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 6, 150));
            assertThat(Parameters.countTrainable(block)).isEqualTo(8_800 + 14_560);
            final var y =
                    block.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(manager.randomUniform(0, 1, new Shape(2, 6, 150))),
                                    false)
                            .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 320, 150));
            assertThat(y.min().getFloat()).isGreaterThanOrEqualTo(0f); // ReLU
        }
    }

    @Test
    void evenKernelsAreRejected() {
        assertThatThrownBy(() -> new BhiFirstBlock(List.of(8), 4, 0f))
                .hasMessage("kernels must be odd and positive, but were [8]");
    }
}
