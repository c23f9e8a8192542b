package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Our attention pass computes what DJL's own forward pass of the same block computes. */
class SelfAttentionTest {
    private static final int HEADS = 4;
    private static final int CHANNELS = 16;

    @Test
    void equalsDjlsForwardPassWithAndWithoutSlicing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            final ScaledDotProductAttentionBlock block =
                    ScaledDotProductAttentionBlock.builder()
                            .setEmbeddingSize(CHANNELS)
                            .setHeadCount(HEADS)
                            .optAttentionProbsDropoutProb(0f)
                            .build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 150, CHANNELS));
            final ParameterStore store = new ParameterStore(manager, false);
            // 1000 rows of 4 x 150 x 150 scores: 90 Mi elements, three slices.
            final NDArray x = manager.randomNormal(new Shape(1000, 150, CHANNELS));
            final float[] djl =
                    block.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            final float[] ours =
                    new SelfAttention(block, HEADS).forward(store, x, false, null).toFloatArray();
            assertThat(1000L * HEADS * 150 * 150).isGreaterThan(2 * SelfAttention.SLICE_ELEMENTS);
            assertThat(maxDifference(ours, djl)).isLessThan(1e-5f);

            final NDArray few = x.get("0:3");
            final float[] djlFew =
                    block.forward(store, new NDList(few), true).singletonOrThrow().toFloatArray();
            final float[] oursFew =
                    new SelfAttention(block, HEADS).forward(store, few, true, null).toFloatArray();
            assertThat(maxDifference(oursFew, djlFew)).isLessThan(1e-5f);
        }
    }

    private static float maxDifference(final float[] a, final float[] b) {
        assertThat(a).hasSameSizeAs(b);
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
