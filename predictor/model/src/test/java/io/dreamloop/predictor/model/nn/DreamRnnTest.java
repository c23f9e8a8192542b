package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class DreamRnnTest {

    @Test
    void paperSizeHasTheReferenceParameterCounts() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1);
            final PrixFixeNet net = DreamRnn.build(DreamRnnConfig.paper());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 150));

            final BhiCoreBlock core = (BhiCoreBlock) net.core();
            assertThat(Parameters.countTrainable(core.lstm())).isEqualTo(1_643_520);
            assertThat(branchCount(core.branches(), "conv_k9")).isEqualTo(921_760);
            assertThat(branchCount(core.branches(), "conv_k15")).isEqualTo(1_536_160);
            assertThat(Parameters.countTrainable(net.first())).isEqualTo(8_800 + 14_560);
            assertThat(Parameters.countTrainable(net.last())).isEqualTo(5_778);
            assertThat(Parameters.countTrainable(net)).isEqualTo(4_130_578);
        }
    }

    @Test
    void paperSizeMapsABatchToFiniteLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(2);
            assertFiniteLogits(manager, DreamRnn.build(DreamRnnConfig.paper()), 2);
        }
    }

    @Test
    void cpuSizeMapsABatchToFiniteLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            assertFiniteLogits(manager, DreamRnn.build(DreamRnnConfig.cpu()), 4);
        }
    }

    static void assertFiniteLogits(final NDManager manager, final Block net, final int batch) {
        final Shape shape = new Shape(batch, 6, 150);
        net.initialize(manager, DataType.FLOAT32, shape);
        final NDArray x = manager.randomUniform(0, 1, shape);
        final NDArray logits =
                net.forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow();
        assertThat(logits.getShape()).isEqualTo(new Shape(batch, 18));
        assertThat(net.getOutputShapes(new Shape[] {shape})).containsExactly(new Shape(batch, 18));
        for (final float v : logits.toFloatArray()) {
            assertThat(v).isFinite();
        }
    }

    private static long branchCount(final Block branches, final String name) {
        return branches.getParameters().stream()
                .filter(p -> p.getKey().contains(name))
                .mapToLong(p -> p.getValue().getArray().size())
                .sum();
    }
}
