package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class RegressionHeadTest {

    @Test
    void theSameBlocksMapAnyLengthToSeveralOutputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1);
            final PrixFixeNet net = DreamCnn.build(DreamCnnConfig.cpu(), new RegressionHead(2));
            final Shape input = new Shape(3, 5, 249); // DeepSTARR-like: 249 bp, no singleton
            net.initialize(manager, DataType.FLOAT32, input);
            assertThat(net.getOutputShapes(new Shape[] {input})).containsExactly(new Shape(3, 2));
            final NDArray out =
                    net.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(manager.randomUniform(0, 1, input)),
                                    false)
                            .singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(3, 2));
            // Head: Conv1d(16 -> 2, k 1) with bias.
            assertThat(Parameters.countTrainable(net.last())).isEqualTo(16 * 2 + 2);
        }
    }

    @Test
    void needsAnOutput() {
        assertThatThrownBy(() -> new RegressionHead(0))
                .hasMessage("outputs must be positive, but was 0");
    }
}
