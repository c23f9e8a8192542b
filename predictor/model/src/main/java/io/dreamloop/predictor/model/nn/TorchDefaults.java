package io.dreamloop.predictor.model.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.UniformInitializer;

/**
 * PyTorch's default initialization, for blocks whose reference code defines none (BHI, UnlockDNA).
 * DJL's own default (Xavier weights, zero biases) would start training somewhere else than the
 * reference does, so these blocks set every initializer explicitly.
 */
final class TorchDefaults {
    private TorchDefaults() {}

    /**
     * {@code nn.Linear} and {@code nn.Conv1d}: weight and bias {@code U(-1/sqrt(fanIn),
     * 1/sqrt(fanIn))}, where fanIn is input features (Linear) or {@code C_in / groups * kernel}
     * (convolution).
     */
    static void linearOrConv(final Block block, final long fanIn) {
        final UniformInitializer init = new UniformInitializer((float) (1 / Math.sqrt(fanIn)));
        block.setInitializer(init, Parameter.Type.WEIGHT);
        block.setInitializer(init, Parameter.Type.BIAS);
    }

    /**
     * {@code nn.MultiheadAttention}'s query, key and value projections: one Xavier-uniform draw
     * over the stacked {@code (3E, E)} in-projection, so the bound is {@code sqrt(6 / (E + 3E))};
     * biases 0.
     */
    static void attentionInProjection(final Block projection, final long embedding) {
        final float bound = (float) Math.sqrt(6.0 / (4.0 * embedding));
        projection.setInitializer(new UniformInitializer(bound), Parameter.Type.WEIGHT);
        projection.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
    }

    /** {@code nn.MultiheadAttention}'s output projection: an {@code nn.Linear} weight, bias 0. */
    static void attentionOutProjection(final Block projection, final long embedding) {
        final float bound = (float) (1 / Math.sqrt(embedding));
        projection.setInitializer(new UniformInitializer(bound), Parameter.Type.WEIGHT);
        projection.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
    }
}
