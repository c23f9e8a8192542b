package io.dreamloop.predictor.model.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Parameter bookkeeping for initialized blocks. */
public final class Parameters {
    private Parameters() {}

    /**
     * Number of trainable values of an initialized block, counted as PyTorch counts parameters:
     * BatchNorm running mean and variance are buffers, not parameters.
     */
    public static long countTrainable(final Block block) {
        long total = 0;
        for (final Pair<String, Parameter> p : block.getParameters()) {
            final Parameter.Type type = p.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                continue;
            }
            total += p.getValue().getArray().size();
        }
        return total;
    }
}
