package io.dreamloop.contracts.stats;

/**
 * The standard normal distribution: CDF, upper tail, interval mass and quantile.
 *
 * <p>The CDF is West's (2005) double-precision form of Hart's (1968) algorithm 5666, accurate to
 * about 1e-14 absolute, and about 1e-10 relative far out in the tails (measured against R); it
 * computes the smaller tail directly, so tail masses do not lose digits to {@code 1 - x}. The
 * quantile is Acklam's rational approximation (relative error 1.15e-9) followed by one Halley step
 * against the CDF, which brings it to the CDF's accuracy (about 1e-13 absolute within |z| < 5).
 */
public final class Normal {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double P_LOW = 0.02425;
    private static final double[] A = {
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
    };
    private static final double[] B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01
    };
    private static final double[] C = {
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
    };
    private static final double[] D = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };

    private Normal() {}

    /**
     * Φ(x), the probability that a standard normal is at most {@code x}.
     *
     * @param x the point; infinities give 0 and 1
     * @return Φ(x)
     */
    public static double cdf(final double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        final double tail = smallerTail(Math.abs(x));
        return x > 0 ? 1 - tail : tail;
    }

    /**
     * 1 − Φ(x), computed without cancellation for large {@code x}.
     *
     * @param x the point
     * @return the upper tail mass
     */
    public static double upperTail(final double x) {
        return cdf(-x);
    }

    /**
     * Φ(b) − Φ(a): the mass between {@code a} and {@code b}, computed from whichever tail keeps the
     * digits (bins far out in a tail are the ones MAUDE's likelihood is most sensitive to).
     *
     * @param a lower bound
     * @param b upper bound, {@code >= a}
     * @return the interval mass, {@code >= 0}
     */
    public static double mass(final double a, final double b) {
        if (a >= 0) {
            return Math.max(0, smallerTail(a) - smallerTail(Math.abs(b)));
        }
        if (b <= 0) {
            return Math.max(0, smallerTail(-b) - smallerTail(-a));
        }
        return 1 - smallerTail(-a) - smallerTail(b);
    }

    /**
     * Φ⁻¹(p), the standard-normal quantile.
     *
     * @param p a probability in [0, 1]; 0 and 1 give the infinities
     * @return the quantile
     * @throws IllegalArgumentException when {@code p} is outside [0, 1]
     */
    public static double quantile(final double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], but was " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        final double x = acklam(p);
        // One Halley step; the error is measured in the tail that holds p, to keep its digits.
        final double e = p < 0.5 ? cdf(x) - p : (1 - p) - upperTail(x);
        final double u = e * SQRT_2PI * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    private static double acklam(final double p) {
        if (p < P_LOW) {
            final double q = Math.sqrt(-2 * Math.log(p));
            return tailRatio(q);
        }
        if (p > 1 - P_LOW) {
            final double q = Math.sqrt(-2 * Math.log1p(-p));
            return -tailRatio(q);
        }
        final double q = p - 0.5;
        final double r = q * q;
        final double num = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]);
        final double den = (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        return num * q / den;
    }

    private static double tailRatio(final double q) {
        final double num = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]);
        final double den = ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        return num / den;
    }

    /** Φ(−x) for {@code x >= 0} (West 2005, Figure 2). */
    private static double smallerTail(final double x) {
        if (x > 37) {
            return 0;
        }
        final double e = Math.exp(-x * x / 2);
        if (x < 7.07106781186547) {
            double n = 3.52624965998911e-02 * x + 0.700383064443688;
            n = n * x + 6.37396220353165;
            n = n * x + 33.912866078383;
            n = n * x + 112.079291497871;
            n = n * x + 221.213596169931;
            n = n * x + 220.206867912376;
            double d = 8.83883476483184e-02 * x + 1.75566716318264;
            d = d * x + 16.064177579207;
            d = d * x + 86.7807322029461;
            d = d * x + 296.564248779674;
            d = d * x + 637.333633378831;
            d = d * x + 793.826512519948;
            d = d * x + 440.413735824752;
            return e * n / d;
        }
        double b = x + 0.65;
        b = x + 4 / b;
        b = x + 3 / b;
        b = x + 2 / b;
        b = x + 1 / b;
        return e / b / 2.506628274631;
    }
}
