package io.dreamloop.predictor.model.training;

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
            out[offset + k] = (float) mass(lower, upper);
        }
    }

    /** Φ(upper) − Φ(lower), taken on the side of the mean where both tails are small. */
    private static double mass(final double lower, final double upper) {
        if (lower >= 0) {
            return normalCdf(-lower) - normalCdf(-upper);
        }
        return normalCdf(upper) - normalCdf(lower);
    }

    /**
     * The standard normal CDF Φ to double precision (Hart 1968, algorithm 5666, as given by West
     * 2005, "Better approximations to cumulative normal functions").
     */
    static double normalCdf(final double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        final double z = Math.abs(x);
        double tail;
        if (z > 37) {
            tail = 0;
        } else {
            final double e = Math.exp(-z * z / 2);
            if (z < 7.07106781186547) {
                double num = 3.52624965998911e-02 * z + 0.700383064443688;
                num = num * z + 6.37396220353165;
                num = num * z + 33.912866078383;
                num = num * z + 112.079291497871;
                num = num * z + 221.213596169931;
                num = num * z + 220.206867912376;
                double den = 8.83883476483184e-02 * z + 1.75566716318264;
                den = den * z + 16.064177579207;
                den = den * z + 86.7807322029461;
                den = den * z + 296.564248779674;
                den = den * z + 637.333633378831;
                den = den * z + 793.826512519948;
                den = den * z + 440.413735824752;
                tail = e * num / den;
            } else {
                double f = z + 0.65;
                f = z + 4 / f;
                f = z + 3 / f;
                f = z + 2 / f;
                f = z + 1 / f;
                tail = e / f / 2.506628274631;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }
}
