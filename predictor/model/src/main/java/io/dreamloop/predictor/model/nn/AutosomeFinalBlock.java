package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The Autosome final layers (SPEC §1.5): {@code Conv1d(C -> 18, kernel 1, bias)}, then the mean
 * over positions. Output: logits {@code (N, 18)}; softmax and the expected bin are applied by the
 * caller ({@link Bins}), so that training can use the logits with a KL loss.
 */
public final class AutosomeFinalBlock extends AbstractBlock {
    /** Sorting bins of the DREAM 2022 training library. */
    public static final int BINS = 18;

    private static final byte VERSION = 1;

    private final Conv1d mapper;

    public AutosomeFinalBlock() {
        super(VERSION);
        this.mapper =
                addChildBlock(
                        "mapper",
                        Conv1d.builder()
                                .setKernelShape(new Shape(1))
                                .setFilters(BINS)
                                .optBias(true)
                                .build());
        // Autosome's own initialization (SPEC §1.6): N(0, sqrt(2 / (k * C_out))), bias 0.
        mapper.setInitializer(
                new NormalInitializer((float) Math.sqrt(2.0 / BINS)), Parameter.Type.WEIGHT);
        mapper.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDArray logits =
                mapper.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(logits.mean(new int[] {2}));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), BINS)};
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        mapper.initialize(manager, dataType, inputShapes);
    }
}
