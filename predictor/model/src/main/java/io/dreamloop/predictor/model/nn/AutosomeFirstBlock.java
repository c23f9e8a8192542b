package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The Autosome first layers (SPEC §2.4): {@code Conv1d(k, C_in -> C, no bias, same padding)},
 * BatchNorm, SiLU. At the paper's size (kernel 7, 256 channels, 6 input channels) it has 10,752
 * convolution weights plus 512 BatchNorm scale and shift values.
 *
 * <p>Unlike the BHI and UnlockDNA blocks, Autosome blocks initialize themselves (SPEC §1.6): the
 * convolution weights are {@code N(0, sqrt(2 / (k * C)))} (fan-out He initialization), BatchNorm
 * scale 1 and shift 0. BatchNorm uses PyTorch's momentum 0.1 for the running statistics, which DJL
 * writes as 0.9 (the weight of the old value), and eps 1e-5.
 */
public final class AutosomeFirstBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    /** DJL's momentum is the weight of the running value: PyTorch's 0.1 becomes 0.9. */
    private static final float BATCH_NORM_MOMENTUM = 0.9f;

    private static final float BATCH_NORM_EPS = 1e-5f;

    private final int channels;
    private final int kernel;
    private final Conv1d conv;
    private final BatchNorm norm;

    /**
     * @param channels output channels
     * @param kernel convolution width (odd, so that padding keeps the length)
     */
    public AutosomeFirstBlock(final int channels, final int kernel) {
        super(VERSION);
        Checks.positive("channels", channels);
        Checks.oddPositive("kernel", kernel);
        this.channels = channels;
        this.kernel = kernel;
        this.conv =
                addChildBlock(
                        "conv",
                        Conv1d.builder()
                                .setKernelShape(new Shape(kernel))
                                .optPadding(new Shape((kernel - 1) / 2))
                                .setFilters(channels)
                                .optBias(false)
                                .build());
        this.norm =
                addChildBlock(
                        "norm",
                        BatchNorm.builder()
                                .optMomentum(BATCH_NORM_MOMENTUM)
                                .optEpsilon(BATCH_NORM_EPS)
                                .build());
    }

    /** The paper's configuration: kernel 7, 256 channels. */
    public static AutosomeFirstBlock paper() {
        return new AutosomeFirstBlock(256, 7);
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDList convolved = conv.forward(parameterStore, inputs, training, params);
        final NDArray normalized =
                norm.forward(parameterStore, convolved, training, params).singletonOrThrow();
        return new NDList(Silu.apply(normalized));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), channels, in.get(2))};
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final float std = (float) Math.sqrt(2.0 / (kernel * channels));
        conv.setInitializer(new NormalInitializer(std), Parameter.Type.WEIGHT);
        conv.initialize(manager, dataType, inputShapes);
        norm.initialize(manager, dataType, getOutputShapes(inputShapes));
    }
}
