package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;

/** From logits over the 18 sorting bins to the expected bin index (SPEC §1.5). */
public final class Bins {
    private Bins() {}

    /**
     * The expected bin index {@code sum_k k * softmax(logits)_k}.
     *
     * @param logits {@code (N, 18)}
     * @return {@code (N)}, values in [0, 17]
     */
    public static NDArray expectedBin(final NDArray logits) {
        final NDArray p = logits.softmax(1);
        final NDArray k = p.getManager().arange(0f, (float) logits.getShape().get(1));
        return p.mul(k).sum(new int[] {1});
    }
}
