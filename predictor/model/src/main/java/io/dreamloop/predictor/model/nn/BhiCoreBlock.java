package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * The BHI core of DREAM-RNN (SPEC §2.3): a bidirectional LSTM over positions, then parallel
 * convolution branches, then dropout. {@code (N, C, L) -> (N, F * branches, L)}.
 *
 * <p>The LSTM carries long-range context along the sequence; the convolutions turn the 2H-wide LSTM
 * features back into motif-like channels. The branches are laid out exactly like the first layers
 * (convolution, ReLU, dropout per branch, concatenated), so {@link BhiFirstBlock} is reused for
 * them. At the paper's size the LSTM has 1,643,520 parameters and the branches 921,760 + 1,536,160;
 * all initialization is PyTorch's default, as BHI defines none.
 */
public final class BhiCoreBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final BiLstm lstm;
    private final BhiFirstBlock branches;
    private final Dropout dropout;

    /**
     * @param lstmHidden LSTM hidden units per direction
     * @param kernels kernel size of each convolution branch (odd)
     * @param filtersPerBranch output channels of each branch
     * @param branchDropout dropout after each branch
     * @param outputDropout dropout on the concatenated branches
     */
    public BhiCoreBlock(
            final int lstmHidden,
            final List<Integer> kernels,
            final int filtersPerBranch,
            final float branchDropout,
            final float outputDropout) {
        super(VERSION);
        this.lstm = addChildBlock("lstm", new BiLstm(lstmHidden));
        this.branches =
                addChildBlock(
                        "branches", new BhiFirstBlock(kernels, filtersPerBranch, branchDropout));
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(outputDropout).build());
    }

    /**
     * The paper's configuration: hidden 320, kernels 9 and 15 with 160 filters, dropout 0.2/0.5.
     */
    public static BhiCoreBlock paper() {
        return new BhiCoreBlock(320, List.of(9, 15), 160, 0.2f, 0.5f);
    }

    /** The bidirectional LSTM. */
    public BiLstm lstm() {
        return lstm;
    }

    /** The parallel convolution branches. */
    public BhiFirstBlock branches() {
        return branches;
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDList sequence = new NDList(inputs.singletonOrThrow().transpose(0, 2, 1));
        final NDList encoded =
                Intermediates.forward(lstm, parameterStore, sequence, training, params);
        Intermediates.release(sequence);
        final NDList features = new NDList(encoded.singletonOrThrow().transpose(0, 2, 1));
        Intermediates.release(encoded);
        final NDList out =
                Intermediates.chain(
                        List.of(branches, dropout), parameterStore, features, training, params);
        Intermediates.release(features, out);
        return out;
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return branches.getOutputShapes(
                swapLastAxes(lstm.getOutputShapes(swapLastAxes(inputShapes))));
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape[] sequence = swapLastAxes(inputShapes);
        lstm.initialize(manager, dataType, sequence);
        final Shape[] features = swapLastAxes(lstm.getOutputShapes(sequence));
        branches.initialize(manager, dataType, features);
        dropout.initialize(manager, dataType, branches.getOutputShapes(features));
    }

    /** {@code (N, C, L) <-> (N, L, C)}. */
    private static Shape[] swapLastAxes(final Shape[] shapes) {
        return new Shape[] {new Shape(shapes[0].get(0), shapes[0].get(2), shapes[0].get(1))};
    }
}
