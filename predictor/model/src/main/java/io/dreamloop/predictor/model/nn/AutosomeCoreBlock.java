package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The Autosome EfficientNet-style core (SPEC §2.1-2.2): a chain of {@link AutosomeEffBlock}s, block
 * {@code i} going from width {@code widths[i-1]} (the core's input width for {@code i = 0}) to
 * {@code widths[i]}. Input {@code (N, C_in, L)}, output {@code (N, widths[last], L)}.
 *
 * <p>At the paper's size (input 320, widths 128, 128, 64, 64, 64, 64, kernel 7, expansion 4, SE
 * reduction 4) it has 1,909,440 parameters.
 */
public final class AutosomeCoreBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inChannels;
    private final List<AutosomeEffBlock> blocks;

    /**
     * @param inChannels the core's input width (the first-layers block's output)
     * @param widths the output width of each block
     * @param kernel kernel of the grouped and resize convolutions (odd)
     * @param expansion expansion factor of the inverted residual
     * @param seReduction SE bottleneck = block input width / seReduction
     */
    public AutosomeCoreBlock(
            final int inChannels,
            final List<Integer> widths,
            final int kernel,
            final int expansion,
            final int seReduction) {
        super(VERSION);
        if (widths.isEmpty()) {
            throw new IllegalArgumentException("the core needs at least one block width");
        }
        this.inChannels = inChannels;
        final List<AutosomeEffBlock> chain = new ArrayList<>();
        int previous = inChannels;
        for (int i = 0; i < widths.size(); i++) {
            final int width = widths.get(i);
            chain.add(
                    addChildBlock(
                            "block" + i,
                            new AutosomeEffBlock(previous, width, kernel, expansion, seReduction)));
            previous = width;
        }
        this.blocks = List.copyOf(chain);
    }

    /** The paper's core: input 320, widths 128, 128, 64, 64, 64, 64, kernel 7, expansion 4. */
    public static AutosomeCoreBlock paper() {
        return new AutosomeCoreBlock(320, List.of(128, 128, 64, 64, 64, 64), 7, 4, 4);
    }

    /** The blocks in forward order. */
    public List<AutosomeEffBlock> blocks() {
        return blocks;
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        return Intermediates.chain(blocks, parameterStore, inputs, training, params);
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (final AutosomeEffBlock block : blocks) {
            shapes = block.getOutputShapes(shapes);
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        if (inputShapes[0].get(1) != inChannels) {
            throw new IllegalArgumentException(
                    "core expects %d input channels, but the input shape is %s"
                            .formatted(inChannels, inputShapes[0]));
        }
        Shape[] shapes = inputShapes;
        for (final AutosomeEffBlock block : blocks) {
            block.initialize(manager, dataType, shapes);
            shapes = block.getOutputShapes(shapes);
        }
    }
}
