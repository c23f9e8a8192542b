package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * The Prix Fixe contract: {@code forward(x) = final(core(first(x)))}. Input {@code (N, 6, L)},
 * output logits {@code (N, 18)} with the DREAM {@link AutosomeFinalBlock}; with a {@link
 * RegressionHead} (other assays) input {@code (N, 5, L)} and output {@code (N, outputs)}.
 */
public final class PrixFixeNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Block first;
    private final Block core;
    private final Block last;

    /**
     * @param first the first-layers block, {@code (N, 6, L) -> (N, C1, L)}
     * @param core the core block, {@code (N, C1, L) -> (N, C2, L)}
     * @param last the final block, {@code (N, C2, L) -> (N, 18)} or {@code (N, outputs)}
     */
    public PrixFixeNet(final Block first, final Block core, final Block last) {
        super(VERSION);
        this.first = addChildBlock("first", first);
        this.core = addChildBlock("core", core);
        this.last = addChildBlock("final", last);
    }

    public Block first() {
        return first;
    }

    public Block core() {
        return core;
    }

    public Block last() {
        return last;
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        return Intermediates.chain(
                List.of(first, core, last), parameterStore, inputs, training, params);
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return last.getOutputShapes(core.getOutputShapes(first.getOutputShapes(inputShapes)));
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes);
        final Shape[] afterFirst = first.getOutputShapes(inputShapes);
        core.initialize(manager, dataType, afterFirst);
        last.initialize(manager, dataType, core.getOutputShapes(afterFirst));
    }
}
