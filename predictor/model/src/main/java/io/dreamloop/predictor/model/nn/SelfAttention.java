package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention with the parameters of a DJL {@link ScaledDotProductAttentionBlock}
 * (attention dropout 0, no mask), computed with less memory than its own forward pass. The same
 * function, {@code softmax(q k^T / sqrt(d)) v} per head, then the result projection, but:
 *
 * <ul>
 *   <li>the scale goes on {@code q} ({@code (N, L, C)}), not on the scores ({@code (N, heads, L,
 *       L)}), one fewer array of the largest size;
 *   <li>the scores are freed once their softmax exists, the probabilities once they are applied;
 *   <li>outside grad mode (inference, where nothing keeps them for backward) the rows go through in
 *       slices of at most {@value #SLICE_ELEMENTS} score elements, so the {@code (rows, heads, L,
 *       L)} arrays stay small whatever the batch: PyTorch's fused attention never makes them.
 * </ul>
 */
final class SelfAttention {
    /**
     * Score elements per slice: 8 Mi floats, 32 MiB. Smaller slices were faster here, the scores
     * and their softmax staying in cache: DREAM-Attn {@code cpu()} inference at batch 256 ran
     * 634-957 sequences/s against 171-285 with slices of 32 Mi (2-core AMD EPYC; three runs and
     * four).
     */
    static final long SLICE_ELEMENTS = 1L << 23;

    private final ScaledDotProductAttentionBlock block;
    private final int heads;

    SelfAttention(final ScaledDotProductAttentionBlock block, final int heads) {
        this.block = block;
        this.heads = heads;
    }

    /** {@code x (N, L, C) -> (N, L, C)}. */
    NDArray forward(
            final ParameterStore parameterStore,
            final NDArray x,
            final boolean training,
            final PairList<String, Object> params) {
        final long rows = x.getShape().get(0);
        final long length = x.getShape().get(1);
        final long perRow = heads * length * length;
        if (JniUtils.isGradMode() || rows * perRow <= SLICE_ELEMENTS) {
            return attend(parameterStore, x, training, params);
        }
        final long slice = Math.max(1, SLICE_ELEMENTS / perRow);
        final NDList parts = new NDList();
        for (long from = 0; from < rows; from += slice) {
            try (NDArray part = x.get(new NDIndex("{}:{}", from, Math.min(rows, from + slice)))) {
                parts.add(attend(parameterStore, part, training, params));
            }
        }
        final NDArray out = NDArrays.concat(parts, 0);
        parts.close();
        return out;
    }

    private NDArray attend(
            final ParameterStore parameterStore,
            final NDArray x,
            final boolean training,
            final PairList<String, Object> params) {
        final long n = x.getShape().get(0);
        final long length = x.getShape().get(1);
        final long channels = x.getShape().get(2);
        final long width = channels / heads;
        final NDArray q0 = project(block.getQueryProjection(), parameterStore, x, training, params);
        final NDArray q = Scalars.mul(q0, (float) (1 / Math.sqrt(width)));
        q0.close();
        final NDArray k = project(block.getKeyProjection(), parameterStore, x, training, params);
        final NDArray v = project(block.getValueProjection(), parameterStore, x, training, params);
        // Views are closed with their arrays: a DJL view keeps its base's memory alive until it
        // is closed or its scope ends, and in a sliced pass the scope spans every slice.
        final NDArray scores;
        try (NDArray qh = heads(q, n, length, width);
                NDArray kh = heads(k, n, length, width);
                NDArray kt = kh.transpose(0, 1, 3, 2)) {
            scores = qh.matMul(kt);
        }
        q.close();
        k.close();
        final NDArray probabilities = scores.softmax(-1);
        scores.close();
        final NDArray context;
        try (NDArray vh = heads(v, n, length, width)) {
            context = probabilities.matMul(vh);
        }
        probabilities.close();
        v.close();
        final NDArray merged;
        try (NDArray byPosition = context.transpose(0, 2, 1, 3)) {
            merged = byPosition.reshape(n, length, channels);
        }
        context.close();
        final NDArray out =
                project(block.getResultProjection(), parameterStore, merged, training, params);
        merged.close();
        return out;
    }

    /** {@code (N, L, C) -> (N, heads, L, C / heads)}. */
    private NDArray heads(final NDArray a, final long n, final long length, final long width) {
        try (NDArray split = a.reshape(n, length, heads, width)) {
            return split.transpose(0, 2, 1, 3);
        }
    }

    private static NDArray project(
            final Linear linear,
            final ParameterStore parameterStore,
            final NDArray x,
            final boolean training,
            final PairList<String, Object> params) {
        return linear.forward(parameterStore, new NDList(x), training, params).singletonOrThrow();
    }
}
