package io.dreamloop.training;

import io.dreamloop.contracts.stats.Normal;
import io.dreamloop.predictor.model.nn.AutosomeFinalBlock;

/**
 * The soft-classification targets of the DREAM models (SPEC §1.4): a measured value {@code y} on
 * the bin scale becomes probabilities over the 18 sorting bins, the mass of {@code Normal(mean y +
 * 0.5, sd 0.5)} in each bin, with cut points {@code -inf, 1, 2, ..., 17, +inf}:
 *
 * <pre>
 *   p_k = Φ((b_{k+1} - y - 0.5) / 0.5) - Φ((b_k - y - 0.5) / 0.5),   b_0 = -inf, b_k = k, b_18 = +inf
 * </pre>
 *
 * <p>So bin k (covering {@code [k, k+1)}) holds 68% of the mass for an integer value k, and the
 * probabilities sum to 1. The scale is the standard deviation (0.5), not the variance.
 */
public final class SoftTargets {
    /** Bins, and so probabilities per target. */
    public static final int BINS = AutosomeFinalBlock.BINS;

    /** The Normal's mean is the value plus this shift. */
    public static final double SHIFT = 0.5;

    /** The Normal's standard deviation. */
    public static final double SD = 0.5;

    private SoftTargets() {}

    /** The 18 bin probabilities of a measured value. */
    public static float[] of(final double value) {
        final float[] out = new float[BINS];
        into(value, out, 0);
        return out;
    }

    /** Writes the 18 bin probabilities of a measured value to {@code out[offset .. offset+18)}. */
    public static void into(final double value, final float[] out, final int offset) {
        final double mean = value + SHIFT;
        for (int k = 0; k < BINS; k++) {
            // Bin k covers [k, k+1) except the open first and last bins.
            final double lower = k == 0 ? Double.NEGATIVE_INFINITY : (k - mean) / SD;
            final double upper = k == BINS - 1 ? Double.POSITIVE_INFINITY : (k + 1 - mean) / SD;
            out[offset + k] = (float) Normal.mass(lower, upper);
        }
    }
}
