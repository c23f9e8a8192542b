package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AutosomeCoreBlockTest {

    /** SPEC §2.2: (inv_res, resize) parameters of each paper-size block. */
    private static final long[][] PAPER_BLOCK_COUNTS = {
        {420_048, 573_696},
        {173_856, 229_632},
        {87_072, 114_816},
        {45_968, 57_472},
        {45_968, 57_472},
        {45_968, 57_472},
    };

    @Test
    void paperBlocksHaveTheReferenceParameterCounts() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            final AutosomeCoreBlock core = AutosomeCoreBlock.paper();
            core.initialize(manager, DataType.FLOAT32, new Shape(1, 320, 150));
            final List<AutosomeEffBlock> blocks = core.blocks();
            assertThat(blocks).hasSize(PAPER_BLOCK_COUNTS.length);
            for (int i = 0; i < blocks.size(); i++) {
                assertThat(Parameters.countTrainable(blocks.get(i).invertedResidual()))
                        .as("inv_res of block %d", i)
                        .isEqualTo(PAPER_BLOCK_COUNTS[i][0]);
                assertThat(Parameters.countTrainable(blocks.get(i).resize()))
                        .as("resize of block %d", i)
                        .isEqualTo(PAPER_BLOCK_COUNTS[i][1]);
            }
            assertThat(Parameters.countTrainable(core)).isEqualTo(1_909_440);
            assertThat(core.getOutputShapes(new Shape[] {new Shape(3, 320, 150)}))
                    .containsExactly(new Shape(3, 64, 150));
        }
    }

    @Test
    void convolutionWeightsFollowTheAutosomeInitialization() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            final AutosomeEffBlock block = new AutosomeEffBlock(320, 128, 7, 4, 4);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 320, 150));
            // First 1x1 conv: 512 filters, so sd = sqrt(2 / 512) = 0.0625 over 163,840 values.
            final NDArray expand = weight(block.invertedResidual().getChildren().get(0).getValue());
            assertThat(expand.getShape()).isEqualTo(new Shape(512, 320, 1));
            assertThat(expand.mean().getFloat()).isCloseTo(0f, Offset.offset(0.002f));
            assertThat(sd(expand)).isCloseTo(0.0625f, Offset.offset(0.002f));
            // Grouped conv: two input channels per group.
            final NDArray grouped =
                    weight(block.invertedResidual().getChildren().get(3).getValue());
            assertThat(grouped.getShape()).isEqualTo(new Shape(512, 2, 7));
        }
    }

    @Test
    void batchNormRunningStatisticsUsePyTorchMomentum() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(11);
            final AutosomeEffBlock block = new AutosomeEffBlock(16, 8, 7, 4, 4);
            block.initialize(manager, DataType.FLOAT32, new Shape(4, 16, 150));
            final ParameterStore store = new ParameterStore(manager, false);
            final NDArray x = manager.randomNormal(new Shape(4, 16, 150));
            final Block conv = block.invertedResidual().getChildren().get(0).getValue();
            final NDArray convOut = conv.forward(store, new NDList(x), false).singletonOrThrow();
            final float[] batchMean =
                    convOut.mean(new int[] {2}).mean(new int[] {0}).toFloatArray();

            block.forward(store, new NDList(x), true);

            final Block bn = block.invertedResidual().getChildren().get(1).getValue();
            final float[] running = parameter(bn, Parameter.Type.RUNNING_MEAN).toFloatArray();
            for (int c = 0; c < running.length; c++) {
                // PyTorch momentum 0.1: running = 0.9 * 0 + 0.1 * batch mean.
                assertThat(running[c]).isCloseTo(0.1f * batchMean[c], Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void rejectsAnInputOfTheWrongWidth() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final AutosomeCoreBlock core = new AutosomeCoreBlock(64, List.of(32), 7, 4, 4);
            assertThatThrownBy(
                            () -> core.initialize(manager, DataType.FLOAT32, new Shape(1, 32, 150)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "core expects 64 input channels, but the input shape is (1, 32, 150)");
        }
    }

    private static NDArray weight(final Block conv) {
        return parameter(conv, Parameter.Type.WEIGHT);
    }

    private static NDArray parameter(final Block block, final Parameter.Type type) {
        return block.getParameters().values().stream()
                .filter(p -> p.getType() == type)
                .findFirst()
                .orElseThrow()
                .getArray();
    }

    private static float sd(final NDArray a) {
        final NDArray centred = a.sub(a.mean());
        return (float) Math.sqrt(centred.mul(centred).mean().getFloat());
    }
}
