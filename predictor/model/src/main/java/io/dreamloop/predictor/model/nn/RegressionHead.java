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
 * A final block for assays other than the DREAM sort-seq (the paper's Drosophila STARR-seq and
 * human MPRA benchmarks): {@code Conv1d(C -> outputs, kernel 1, bias)}, then the mean over
 * positions, {@code (N, C, L) -> (N, outputs)}. It is the {@link AutosomeFinalBlock} with one
 * regression value per assay output (e.g. developmental and housekeeping activity) instead of 18
 * bin logits, trained with a mean-squared-error loss.
 *
 * <p>Weights start at Autosome's {@code N(0, sqrt(2 / (k * C_out)))}, bias 0.
 */
public final class RegressionHead extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int outputs;
    private final Conv1d mapper;

    /**
     * @param outputs regression outputs, at least 1
     */
    public RegressionHead(final int outputs) {
        super(VERSION);
        Checks.positive("outputs", outputs);
        this.outputs = outputs;
        this.mapper =
                addChildBlock(
                        "mapper",
                        Conv1d.builder()
                                .setKernelShape(new Shape(1))
                                .setFilters(outputs)
                                .optBias(true)
                                .build());
        mapper.setInitializer(
                new NormalInitializer((float) Math.sqrt(2.0 / outputs)), Parameter.Type.WEIGHT);
        mapper.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
    }

    /** Regression outputs. */
    public int outputs() {
        return outputs;
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDArray perPosition =
                mapper.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(perPosition.mean(new int[] {2}));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        mapper.initialize(manager, dataType, inputShapes);
    }
}
