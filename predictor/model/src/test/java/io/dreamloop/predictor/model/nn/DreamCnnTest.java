package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class DreamCnnTest {

    private static final Shape INPUT = new Shape(1, 6, 150);

    @Test
    void paperSizeHasTheReferenceParameterCount() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(42);
            final PrixFixeNet net = DreamCnn.build(DreamCnnConfig.paper());
            net.initialize(manager, DataType.FLOAT32, INPUT);
            assertThat(Parameters.countTrainable(net.first())).isEqualTo(8_800 + 14_560);
            assertThat(Parameters.countTrainable(net.core())).isEqualTo(1_909_440);
            assertThat(Parameters.countTrainable(net.last())).isEqualTo(1_170);
            assertThat(Parameters.countTrainable(net)).isEqualTo(1_933_970); // SPEC §2.2
        }
    }

    @Test
    void paperSizeMapsABatchToFiniteBinLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(42);
            final PrixFixeNet net = DreamCnn.build(DreamCnnConfig.paper());
            net.initialize(manager, DataType.FLOAT32, INPUT);
            final NDArray x = oneHotBatch(manager, 64);
            final ParameterStore store = new ParameterStore(manager, false);
            net.forward(store, new NDList(x), false); // warm-up
            final long start = System.nanoTime();
            final NDArray logits = net.forward(store, new NDList(x), false).singletonOrThrow();
            final float[] values = logits.toFloatArray();
            System.out.printf(
                    "DREAM-CNN paper size, eval forward of 64 x 6 x 150: %.1f ms%n",
                    (System.nanoTime() - start) / 1e6);
            assertThat(logits.getShape()).isEqualTo(new Shape(64, 18));
            assertFinite(values);
        }
    }

    @Test
    void cpuSizeIsMuchSmallerWithTheSameContract() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(42);
            final PrixFixeNet net = DreamCnn.build(DreamCnnConfig.cpu());
            net.initialize(manager, DataType.FLOAT32, INPUT);
            assertThat(Parameters.countTrainable(net)).isLessThan(1_933_970 / 10);
            final ParameterStore store = new ParameterStore(manager, false);
            for (final boolean training : new boolean[] {false, true}) {
                final NDArray logits =
                        net.forward(store, new NDList(oneHotBatch(manager, 5)), training)
                                .singletonOrThrow();
                assertThat(logits.getShape()).isEqualTo(new Shape(5, 18));
                assertFinite(logits.toFloatArray());
                for (final float b : Bins.expectedBin(logits).toFloatArray()) {
                    assertThat(b).isBetween(0f, 17f);
                }
            }
        }
    }

    @Test
    void configRejectsWhatTheBlocksCannotBuild() {
        final DreamCnnConfig p = DreamCnnConfig.paper();
        assertThatThrownBy(() -> withKernels(p, List.of(8)))
                .hasMessage("firstKernels must be odd and positive, but were [8]");
        assertThatThrownBy(() -> withWidths(p, List.of()))
                .hasMessage("coreWidths must be non-empty and positive, but were []");
        assertThatThrownBy(
                        () ->
                                new DreamCnnConfig(
                                        p.firstKernels(), 160, 1f, p.coreWidths(), 7, 4, 4))
                .hasMessage("dropout must be in [0, 1), but was 1.0");
        assertThatThrownBy(
                        () ->
                                new DreamCnnConfig(
                                        p.firstKernels(), 160, 0.2f, p.coreWidths(), 6, 4, 4))
                .hasMessage("coreKernel must be odd and positive, but was 6");
        assertThatThrownBy(
                        () ->
                                new DreamCnnConfig(
                                        p.firstKernels(), 0, 0.2f, p.coreWidths(), 7, 4, 4))
                .hasMessage("firstFilters must be positive, but was 0");
        assertThatThrownBy(
                        () ->
                                new DreamCnnConfig(
                                        p.firstKernels(), 160, 0.2f, List.of(64, 3), 7, 1, 4))
                .hasMessage(
                        "core block 1: expansion 1 * width 3 must be even (two channels per group)");
        assertThatThrownBy(
                        () ->
                                new DreamCnnConfig(
                                        p.firstKernels(), 160, 0.2f, List.of(64, 2, 2), 7, 4, 4))
                .hasMessage(
                        "core block 2: input width 2 is below seReduction 4, so the SE layer would be empty");
        assertThat(p.firstChannels()).isEqualTo(320);
    }

    private static DreamCnnConfig withKernels(final DreamCnnConfig c, final List<Integer> k) {
        return new DreamCnnConfig(
                k, c.firstFilters(), c.dropout(), c.coreWidths(), 7, c.expansion(), 4);
    }

    private static DreamCnnConfig withWidths(final DreamCnnConfig c, final List<Integer> w) {
        return new DreamCnnConfig(
                c.firstKernels(), c.firstFilters(), c.dropout(), w, 7, c.expansion(), 4);
    }

    /** Random one-hot bases, forward strand, singleton 0: what the predictor feeds the model. */
    private static NDArray oneHotBatch(final NDManager manager, final int n) {
        final NDArray bases = manager.randomInteger(0, 4, new Shape(n, 150), DataType.INT32);
        final NDArray oneHot = bases.oneHot(4).transpose(0, 2, 1).toType(DataType.FLOAT32, false);
        return oneHot.concat(manager.zeros(new Shape(n, 2, 150)), 1);
    }

    private static void assertFinite(final float[] values) {
        for (final float v : values) {
            assertThat(Float.isFinite(v)).as("finite logit %s", v).isTrue();
        }
    }
}
