package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * One block of the Autosome EfficientNet-style core (SPEC §2.1), {@code (N, p, L) -> (N, s, L)}:
 *
 * <ol>
 *   <li>inverted residual: {@code Conv(1, p -> E) -> BN -> SiLU -> Conv(k, E -> E, groups E/2) ->
 *       BN -> SiLU -> SE -> Conv(1, E -> p) -> BN -> SiLU}, with {@code E = expansion * s};
 *   <li>the "residual" is a concatenation, not a sum: {@code [x, invRes(x)]} has {@code 2p}
 *       channels;
 *   <li>resize: {@code Conv(k, 2p -> s) -> BN -> SiLU}.
 * </ol>
 *
 * <p>Convolutions have no bias (each is followed by BatchNorm) and keep the length ("same"
 * padding). Their weights start at {@code N(0, sqrt(2 / (k * C_out)))} as in Autosome's {@code
 * initialize_weights}; BatchNorm starts at gamma 1, beta 0.
 */
public final class AutosomeEffBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    /** PyTorch's default BatchNorm momentum 0.1, in DJL's convention (weight of the old value). */
    private static final float BN_MOMENTUM = 0.9f;

    private static final float BN_EPSILON = 1e-5f;

    private final int inChannels;
    private final int outChannels;
    private final SequentialBlock invRes;
    private final SequentialBlock resize;

    /**
     * @param inChannels {@code p}
     * @param outChannels {@code s}
     * @param kernel the kernel of the grouped and the resize convolutions (odd)
     * @param expansion {@code E / s}; {@code E} must be even for two channels per group
     * @param seReduction the SE bottleneck is {@code p / seReduction} wide
     */
    public AutosomeEffBlock(
            final int inChannels,
            final int outChannels,
            final int kernel,
            final int expansion,
            final int seReduction) {
        super(VERSION);
        final int expanded = expansion * outChannels;
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException(
                    "need positive widths and an odd kernel, but got p=%d, s=%d, kernel=%d"
                            .formatted(inChannels, outChannels, kernel));
        }
        if (expanded < 2 || expanded % 2 != 0) {
            throw new IllegalArgumentException(
                    "expanded width %d must be even (two channels per group)".formatted(expanded));
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.invRes =
                addChildBlock(
                        "inv_res",
                        new ReleasingSequentialBlock()
                                .add(conv(1, expanded, 1))
                                .add(batchNorm())
                                .add(Silu.block())
                                .add(conv(kernel, expanded, expanded / 2))
                                .add(batchNorm())
                                .add(Silu.block())
                                .add(new SqueezeExcitationBlock(expanded, inChannels / seReduction))
                                .add(conv(1, inChannels, 1))
                                .add(batchNorm())
                                .add(Silu.block()));
        this.resize =
                addChildBlock(
                        "resize",
                        new ReleasingSequentialBlock()
                                .add(conv(kernel, outChannels, 1))
                                .add(batchNorm())
                                .add(Silu.block()));
    }

    private static Conv1d conv(final int kernel, final int filters, final int groups) {
        final Conv1d conv =
                Conv1d.builder()
                        .setKernelShape(new Shape(kernel))
                        .optPadding(new Shape((kernel - 1) / 2))
                        .setFilters(filters)
                        .optGroups(groups)
                        .optBias(false)
                        .build();
        final float sd = (float) Math.sqrt(2.0 / (kernel * filters));
        conv.setInitializer(new NormalInitializer(sd), Parameter.Type.WEIGHT);
        return conv;
    }

    private static BatchNorm batchNorm() {
        return BatchNorm.builder()
                .optAxis(1)
                .optMomentum(BN_MOMENTUM)
                .optEpsilon(BN_EPSILON)
                .build();
    }

    /** The inverted-residual branch, {@code (N, p, L) -> (N, p, L)}. */
    public Block invertedResidual() {
        return invRes;
    }

    /** The resize stage, {@code (N, 2p, L) -> (N, s, L)}. */
    public Block resize() {
        return resize;
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDArray x = inputs.singletonOrThrow();
        final NDList branch =
                Intermediates.forward(invRes, parameterStore, inputs, training, params);
        final NDList joined = new NDList(x.concat(branch.singletonOrThrow(), 1));
        Intermediates.release(branch, inputs);
        final NDList resized =
                Intermediates.forward(resize, parameterStore, joined, training, params);
        Intermediates.release(joined, resized);
        return resized;
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2))};
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape in = inputShapes[0];
        if (in.get(1) != inChannels) {
            throw new IllegalArgumentException(
                    "block expects %d input channels, but the input shape is %s"
                            .formatted(inChannels, in));
        }
        invRes.initialize(manager, dataType, in);
        resize.initialize(manager, dataType, new Shape(in.get(0), 2L * inChannels, in.get(2)));
    }
}
