package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One UnlockDNA Conformer layer ({@code ConformerSASwiGLULayer}, SPEC §2.4), channels last, {@code
 * (N, L, C) -> (N, L, C)}:
 *
 * <pre>
 * x = x + FF1(x) / 2
 * c = LN1(x);  x = x + c + Conv(c)
 * x = LN2(x)                      (the stream itself is normalized, not a branch)
 * x = x + MHA(x, x, x)
 * x = x + FF2(x) / 2
 * </pre>
 *
 * <p>The order, including the normalized stream after LN2, is the reference's and is kept as is:
 * trained weights only transfer if the graph is the same. 1,121,280 parameters at C = 256.
 *
 * <p>Attention is DJL's {@link ScaledDotProductAttentionBlock} given one input (self-attention). It
 * has separate query, key and value projections with biases where PyTorch's {@code
 * nn.MultiheadAttention} stacks them into one {@code (3C, C)} in-projection (rows: query, key,
 * value); the count is the same, {@code 4C² + 4C}. Scores are scaled by {@code 1/sqrt(C / heads)}
 * as in PyTorch. Attention dropout is 0, PyTorch's default, which the reference does not change.
 */
public final class ConformerLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float HALF = 0.5f;

    private final int channels;
    private final FeedForwardSwiGlu ff1;
    private final LayerNorm norm1;
    private final ConformerConvModule conv;
    private final LayerNorm norm2;
    private final ScaledDotProductAttentionBlock attention;
    private final SelfAttention selfAttention;
    private final FeedForwardSwiGlu ff2;

    /**
     * @param channels C
     * @param heads attention heads; must divide C
     * @param kernel depthwise convolution width (odd)
     * @param dropoutRate dropout of the feed-forward and convolution modules
     */
    public ConformerLayer(
            final int channels, final int heads, final int kernel, final float dropoutRate) {
        super(VERSION);
        this.channels = channels;
        this.ff1 = addChildBlock("ff1", new FeedForwardSwiGlu(channels, dropoutRate));
        this.norm1 = addChildBlock("norm1", UnlockDnaCoreBlock.layerNorm());
        this.conv = addChildBlock("conv", new ConformerConvModule(channels, kernel, dropoutRate));
        this.norm2 = addChildBlock("norm2", UnlockDnaCoreBlock.layerNorm());
        this.attention =
                addChildBlock(
                        "attention",
                        ScaledDotProductAttentionBlock.builder()
                                .setEmbeddingSize(channels)
                                .setHeadCount(heads)
                                .optAttentionProbsDropoutProb(0f)
                                .build());
        this.selfAttention = new SelfAttention(attention, heads);
        this.ff2 = addChildBlock("ff2", new FeedForwardSwiGlu(channels, dropoutRate));
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        // Each module's own intermediates (attention's (N, heads, L, L) scores the largest) are
        // freed when it returns; the residual sums, when the core's chain closes this layer.
        final Step step =
                (block, x) ->
                        Intermediates.forward(
                                        block, parameterStore, new NDList(x), training, params)
                                .head();
        NDArray x = inputs.singletonOrThrow();
        x = x.add(Scalars.mul(step.apply(ff1, x), HALF));
        final NDArray c = step.apply(norm1, x);
        x = x.add(c).add(step.apply(conv, c));
        x = step.apply(norm2, x);
        x = x.add(attend(x, parameterStore, training, params));
        x = x.add(Scalars.mul(step.apply(ff2, x), HALF));
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        ff1.initialize(manager, dataType, inputShapes);
        norm1.initialize(manager, dataType, inputShapes);
        conv.initialize(manager, dataType, inputShapes);
        norm2.initialize(manager, dataType, inputShapes);
        TorchDefaults.attentionInProjection(attention.getQueryProjection(), channels);
        TorchDefaults.attentionInProjection(attention.getKeyProjection(), channels);
        TorchDefaults.attentionInProjection(attention.getValueProjection(), channels);
        TorchDefaults.attentionOutProjection(attention.getResultProjection(), channels);
        attention.initialize(manager, dataType, inputShapes);
        ff2.initialize(manager, dataType, inputShapes);
    }

    /** The attention module ({@link SelfAttention}), its intermediates freed when it returns. */
    private NDArray attend(
            final NDArray x,
            final ParameterStore parameterStore,
            final boolean training,
            final PairList<String, Object> params) {
        return Intermediates.scoped(
                () -> selfAttention.forward(parameterStore, x, training, params));
    }

    /** One module of the layer on the residual stream. */
    @FunctionalInterface
    private interface Step {
        NDArray apply(Block block, NDArray x);
    }
}
