package io.dreamloop.labingest.insilico;

import io.dreamloop.labingest.estimation.SortGates;
import java.util.Arrays;

/**
 * The expression of every cell loaded on the sorter: its mean and sd, and the gates' bounds placed
 * at its empirical quantiles, as an operator sets gates on the live population. Opaque outside this
 * package: obtained from {@link SortSeqSimulator#gatesOn} and handed back to keep gates fixed.
 */
public final class Population {
    private final double mean;
    private final double sd;
    private final double[] lower;
    private final double[] upper;

    private Population(
            final double mean, final double sd, final double[] lower, final double[] upper) {
        this.mean = mean;
        this.sd = sd;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * @param expression every cell's log-expression, at least one
     * @param gates quantile gates
     */
    static Population of(final double[] expression, final SortGates gates) {
        double sum = 0;
        for (final double e : expression) {
            sum += e;
        }
        final double mean = sum / expression.length;
        double squares = 0;
        for (final double e : expression) {
            squares += (e - mean) * (e - mean);
        }
        final double sd = expression.length > 1 ? Math.sqrt(squares / (expression.length - 1)) : 1;
        final double[] sorted = expression.clone();
        Arrays.sort(sorted);
        final int bins = gates.size();
        final double[] lower = new double[bins];
        final double[] upper = new double[bins];
        for (int b = 0; b < bins; b++) {
            final SortGates.Bin bin = gates.bins().get(b);
            lower[b] = quantile(sorted, bin.startQuantile());
            upper[b] = quantile(sorted, bin.endQuantile());
        }
        return new Population(mean, sd > 0 ? sd : 1, lower, upper);
    }

    private static double quantile(final double[] sorted, final double q) {
        if (q <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** The first gate whose range {@code [lower, upper)} holds the value, or −1. */
    int binOf(final double value) {
        for (int b = 0; b < lower.length; b++) {
            if (value >= lower[b] && value < upper[b]) {
                return b;
            }
        }
        return -1;
    }

    double sd() {
        return sd;
    }

    /** A value on the population's z scale. */
    double toZ(final double value) {
        return (value - mean) / sd;
    }
}
