package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The BHI first layers (SPEC §2.2): parallel {@code Conv1d(k, C_in -> F, bias, same padding)}
 * branches, each followed by ReLU and dropout, concatenated on the channel axis. At the paper's
 * size (kernels 9 and 15, 160 filters each, dropout 0.2, 6 input channels) it has 8,800 + 14,560
 * parameters and outputs 320 channels.
 *
 * <p>BHI blocks define no initialization of their own, so weights follow PyTorch's default for
 * convolutions, {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}.
 */
public final class BhiFirstBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<Conv1d> branches = new ArrayList<>();
    private final List<Integer> kernels;
    private final int filters;
    private final Dropout dropout;

    /**
     * @param kernels the kernel size of each branch (odd, so that padding keeps the length)
     * @param filtersPerBranch output channels of each branch
     * @param dropoutRate dropout after each branch
     */
    public BhiFirstBlock(
            final List<Integer> kernels, final int filtersPerBranch, final float dropoutRate) {
        super(VERSION);
        if (kernels.isEmpty() || kernels.stream().anyMatch(k -> k < 1 || k % 2 == 0)) {
            throw new IllegalArgumentException(
                    "kernels must be odd and positive, but were " + kernels);
        }
        this.kernels = List.copyOf(kernels);
        this.filters = filtersPerBranch;
        for (final int k : kernels) {
            branches.add(
                    addChildBlock(
                            "conv_k" + k,
                            Conv1d.builder()
                                    .setKernelShape(new Shape(k))
                                    .optPadding(new Shape((k - 1) / 2))
                                    .setFilters(filtersPerBranch)
                                    .optBias(true)
                                    .build()));
        }
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    /** The paper's configuration: kernels 9 and 15, 160 filters each, dropout 0.2. */
    public static BhiFirstBlock paper() {
        return new BhiFirstBlock(List.of(9, 15), 160, 0.2f);
    }

    /** Output channels: filters per branch times branches. */
    public int outChannels() {
        return filters * kernels.size();
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDList outputs = new NDList();
        for (final Conv1d conv : branches) {
            final NDArray y =
                    Activation.relu(
                            conv.forward(parameterStore, inputs, training, params)
                                    .singletonOrThrow());
            outputs.add(
                    dropout.forward(parameterStore, new NDList(y), training, params)
                            .singletonOrThrow());
        }
        return new NDList(NDArrays.concat(outputs, 1));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels(), in.get(2))};
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final long inChannels = inputShapes[0].get(1);
        for (int i = 0; i < branches.size(); i++) {
            final float bound = (float) (1 / Math.sqrt(inChannels * kernels.get(i)));
            branches.get(i).setInitializer(new UniformInitializer(bound), Parameter.Type.WEIGHT);
            branches.get(i).setInitializer(new UniformInitializer(bound), Parameter.Type.BIAS);
            branches.get(i).initialize(manager, dataType, inputShapes);
        }
        dropout.initialize(manager, dataType, getOutputShapes(inputShapes));
    }
}
