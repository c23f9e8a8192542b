package io.dreamloop.evaluation;

import java.util.Arrays;
import java.util.Objects;

/**
 * Pearson r and Spearman ρ as scipy's {@code pearsonr} and {@code spearmanr} compute them.
 *
 * <p>Spearman ρ is Pearson r of the ranks, ties getting the average of the ranks they span (scipy's
 * {@code rankdata(method="average")}).
 *
 * <p>Undefined cases give a {@link Correlation} with value {@code NaN} and a reason, never an
 * exception: fewer than 2 points ("fewer than 2 points (n=1)"), or one side constant ("zero
 * variance in x (all 5 values are 2.0)"). Invalid input is an error: arrays of different lengths or
 * a value that is {@code NaN} or infinite throws {@link IllegalArgumentException} naming the index.
 *
 * @implNote Stateless and thread-safe. Sums are taken over mean-centred values (two passes), so r
 *     of large values with a small spread loses no precision.
 */
public final class Correlations {

    private Correlations() {}

    /**
     * Pearson's r of {@code x} and {@code y}.
     *
     * @throws IllegalArgumentException when the lengths differ or a value is not finite
     */
    public static Correlation pearson(final double[] x, final double[] y) {
        return pearson("x", x, "y", y);
    }

    /**
     * Spearman's ρ of {@code x} and {@code y} (average ranks for ties).
     *
     * @throws IllegalArgumentException when the lengths differ or a value is not finite
     */
    public static Correlation spearman(final double[] x, final double[] y) {
        return spearman("x", x, "y", y);
    }

    /** Pearson's r, naming the two sides in the reasons and errors. */
    static Correlation pearson(
            final String xName, final double[] x, final String yName, final double[] y) {
        check(xName, x, yName, y);
        final int n = x.length;
        if (n < 2) {
            return Correlation.undefined(n, "fewer than 2 points (n=%d)".formatted(n));
        }
        final String constant = constantSide(xName, x, yName, y);
        if (constant != null) {
            return Correlation.undefined(n, constant);
        }
        return Correlation.of(centredPearson(x, y), n);
    }

    /** Spearman's ρ, naming the two sides in the reasons and errors. */
    static Correlation spearman(
            final String xName, final double[] x, final String yName, final double[] y) {
        check(xName, x, yName, y);
        final int n = x.length;
        if (n < 2) {
            return Correlation.undefined(n, "fewer than 2 points (n=%d)".formatted(n));
        }
        final String constant = constantSide(xName, x, yName, y);
        if (constant != null) {
            return Correlation.undefined(n, constant);
        }
        return Correlation.of(centredPearson(ranks(x), ranks(y)), n);
    }

    /**
     * The ranks of {@code values}, 1-based, ties getting the average of the ranks they span: {@code
     * [10, 20, 20, 5]} gives {@code [2, 3.5, 3.5, 1]}.
     *
     * @throws IllegalArgumentException when a value is not finite
     */
    public static double[] ranks(final double[] values) {
        Objects.requireNonNull(values, "values");
        requireFinite("values", values);
        final int n = values.length;
        final Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        final double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            // Positions start..end-1 (0-based) are tied: ranks start+1..end, average
            // (start+1+end)/2.
            final double average = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                ranks[order[k]] = average;
            }
            start = end;
        }
        return ranks;
    }

    private static double centredPearson(final double[] x, final double[] y) {
        final double meanX = mean(x);
        final double meanY = mean(y);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            final double dx = x[i] - meanX;
            final double dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        final double r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
        // Rounding can carry |r| a hair past 1 (scipy clips too).
        return Math.max(-1.0, Math.min(1.0, r));
    }

    private static double mean(final double[] values) {
        double sum = 0;
        for (final double v : values) {
            sum += v;
        }
        final double mean = sum / values.length;
        // Second pass: correct the rounding error of the first (as numpy's mean effectively does
        // with pairwise sums).
        double correction = 0;
        for (final double v : values) {
            correction += v - mean;
        }
        return mean + correction / values.length;
    }

    /** The reason when one side is constant, else null. Exact equality, as scipy checks. */
    private static String constantSide(
            final String xName, final double[] x, final String yName, final double[] y) {
        if (isConstant(x)) {
            return "zero variance in %s (all %d values are %s)".formatted(xName, x.length, x[0]);
        }
        if (isConstant(y)) {
            return "zero variance in %s (all %d values are %s)".formatted(yName, y.length, y[0]);
        }
        return null;
    }

    private static boolean isConstant(final double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static void check(
            final String xName, final double[] x, final String yName, final double[] y) {
        Objects.requireNonNull(x, xName);
        Objects.requireNonNull(y, yName);
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "%s and %s differ in length: %d and %d"
                            .formatted(xName, yName, x.length, y.length));
        }
        requireFinite(xName, x);
        requireFinite(yName, y);
    }

    private static void requireFinite(final String name, final double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        "%s[%d] is %s; correlations need finite values"
                                .formatted(name, i, values[i]));
            }
        }
    }
}
