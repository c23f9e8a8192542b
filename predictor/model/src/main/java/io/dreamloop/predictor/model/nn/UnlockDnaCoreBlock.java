package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The UnlockDNA core of DREAM-Attn (SPEC §2.4), {@code (N, C, L) -> (N, C, L)}: a learned absolute
 * position embedding {@code (L, C)} is added to every sequence, then a stack of {@link
 * ConformerLayer}s runs over the channels-last stream.
 *
 * <p>The embedding has one row per position, so the block only accepts the length it was built for
 * (150 in DREAM); attention alone would not know where in the promoter a motif sits. At the paper's
 * size: embedding 38,400 parameters, 4 layers of 1,121,280. Initialization is PyTorch's default, as
 * UnlockDNA defines none: embedding {@code N(0, 1)}, LayerNorm scale 1 and shift 0.
 */
public final class UnlockDnaCoreBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    /** UnlockDNA's LayerNorm eps; PyTorch's default would be 1e-5. */
    static final float LAYER_NORM_EPS = 1e-6f;

    private final int channels;
    private final int length;
    private final Parameter positions;
    private final List<ConformerLayer> layers = new ArrayList<>();

    /**
     * @param channels C, the input and output channels
     * @param length L, the only sequence length accepted
     * @param layers Conformer layers
     * @param heads attention heads; must divide C
     * @param kernel depthwise convolution width (odd)
     * @param dropoutRate dropout of the feed-forward and convolution modules
     */
    public UnlockDnaCoreBlock(
            final int channels,
            final int length,
            final int layers,
            final int heads,
            final int kernel,
            final float dropoutRate) {
        super(VERSION);
        this.channels = channels;
        this.length = length;
        this.positions =
                addParameter(
                        Parameter.builder()
                                .setName("positionEmbedding")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(length, channels))
                                .optInitializer(new NormalInitializer(1f))
                                .build());
        for (int i = 0; i < layers; i++) {
            this.layers.add(
                    addChildBlock(
                            "conformer" + i,
                            new ConformerLayer(channels, heads, kernel, dropoutRate)));
        }
    }

    /** The paper's configuration: 256 channels, length 150, 4 layers, 4 heads, kernel 15, 0.1. */
    public static UnlockDnaCoreBlock paper() {
        return new UnlockDnaCoreBlock(256, 150, 4, 4, 15, 0.1f);
    }

    /** The position embedding, {@code (L, C)}. */
    public Parameter positionEmbedding() {
        return positions;
    }

    /** The Conformer layers, in order. */
    public List<ConformerLayer> layers() {
        return List.copyOf(layers);
    }

    /** LayerNorm over the last (channel) axis of a channels-last stream, UnlockDNA's eps. */
    static LayerNorm layerNorm() {
        return LayerNorm.builder().axis(2).optEpsilon(LAYER_NORM_EPS).build();
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDArray x = inputs.singletonOrThrow();
        final NDArray embedding = parameterStore.getValue(positions, x.getDevice(), training);
        final NDArray channelsLast = x.transpose(0, 2, 1);
        final NDList stream = new NDList(channelsLast.add(embedding));
        channelsLast.close();
        final NDList out = Intermediates.chain(layers, parameterStore, stream, training, params);
        Intermediates.release(stream, out);
        final NDList result = new NDList(out.singletonOrThrow().transpose(0, 2, 1));
        Intermediates.release(out);
        return result;
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void beforeInitialize(final Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        final Shape in = inputShapes[0];
        if (in.get(1) != channels || in.get(2) != length) {
            throw new IllegalArgumentException(
                    "UnlockDNA core built for (N, %d, %d), but the input is %s"
                            .formatted(channels, length, in));
        }
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape in = inputShapes[0];
        final Shape channelsLast = new Shape(in.get(0), in.get(2), in.get(1));
        for (final ConformerLayer layer : layers) {
            layer.initialize(manager, dataType, channelsLast);
        }
    }
}
