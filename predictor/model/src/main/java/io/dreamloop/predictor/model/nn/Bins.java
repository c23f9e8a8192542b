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

    /**
     * The expected bin of one row of logits already read back to the host, {@code logits[offset ..
     * offset + bins)}, with the same formula in double precision (the largest logit subtracted
     * first, as PyTorch's softmax does).
     */
    public static float expectedBin(final float[] logits, final int offset, final int bins) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < bins; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double weights = 0;
        double weighted = 0;
        for (int k = 0; k < bins; k++) {
            final double w = Math.exp(logits[offset + k] - (double) max);
            weights += w;
            weighted += k * w;
        }
        return (float) (weighted / weights);
    }
}
