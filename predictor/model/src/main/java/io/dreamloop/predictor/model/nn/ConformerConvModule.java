package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The convolution module of a Conformer layer (SPEC §2.4), channels last, {@code (N, L, C) -> (N,
 * L, C)}: depthwise {@code Conv1d(k, groups = C, no bias, same padding)}, pointwise {@code
 * Conv1d(1, C -> C, bias)}, ReLU, dropout. The depthwise convolution mixes positions within each
 * channel, the pointwise one mixes channels, so together they cost {@code C * k + C² + C}
 * parameters instead of a full convolution's {@code C² * k}.
 */
public final class ConformerConvModule extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int kernel;
    private final Conv1d depthwise;
    private final Conv1d pointwise;
    private final Dropout dropout;

    /**
     * @param channels C
     * @param kernel depthwise width (odd, so that padding keeps the length)
     * @param dropoutRate dropout after the ReLU
     */
    public ConformerConvModule(final int channels, final int kernel, final float dropoutRate) {
        super(VERSION);
        this.kernel = kernel;
        this.depthwise =
                addChildBlock(
                        "depthwise",
                        Conv1d.builder()
                                .setKernelShape(new Shape(kernel))
                                .optPadding(new Shape((kernel - 1) / 2))
                                .setFilters(channels)
                                .optGroups(channels)
                                .optBias(false)
                                .build());
        this.pointwise =
                addChildBlock(
                        "pointwise",
                        Conv1d.builder()
                                .setKernelShape(new Shape(1))
                                .setFilters(channels)
                                .optBias(true)
                                .build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDList channelsFirst = new NDList(inputs.singletonOrThrow().transpose(0, 2, 1));
        final NDList mixed =
                pointwise.forward(
                        parameterStore,
                        depthwise.forward(parameterStore, channelsFirst, training, params),
                        training,
                        params);
        return new NDList(
                dropout.forward(parameterStore, Activation.relu(mixed), training, params)
                        .singletonOrThrow()
                        .transpose(0, 2, 1));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape in = inputShapes[0];
        final Shape channelsFirst = new Shape(in.get(0), in.get(2), in.get(1));
        TorchDefaults.linearOrConv(depthwise, kernel); // C_in / groups = 1
        depthwise.initialize(manager, dataType, channelsFirst);
        TorchDefaults.linearOrConv(pointwise, in.get(2));
        pointwise.initialize(manager, dataType, channelsFirst);
        dropout.initialize(manager, dataType, channelsFirst);
    }
}
