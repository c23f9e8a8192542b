package io.dreamloop.labingest.estimation;

import io.dreamloop.contracts.stats.Normal;

/**
 * The data MAUDE's likelihood needs after steps 1–2 (pseudocounts, libFract, k_b), and log L(μ) for
 * one sequence (steps 3–4). The μ-free part of each log NB term, log Γ(x + k) − log Γ(k) − log Γ(x
 * + 1), is computed once per sequence, so each evaluation costs two Φ and two logs per bin.
 */
final class MaudeLikelihood {

    private final double[] startZ;
    private final double[] endZ;
    private final double[] width;
    private final double[] size;
    private final double[][] x;
    private final double[] libFract;
    private final double[] constant;
    private final double sigma;

    private MaudeLikelihood(final SortGates gates, final CountMatrix counts, final double sigma) {
        this.sigma = sigma;
        final int bins = gates.size();
        final int rows = counts.rows();
        startZ = new double[bins];
        endZ = new double[bins];
        width = new double[bins];
        for (int b = 0; b < bins; b++) {
            final SortGates.Bin bin = gates.bins().get(b);
            startZ[b] = bin.startZ();
            endZ[b] = bin.endZ();
            width[b] = bin.width();
        }
        // Step 1: x_{.,b} += max(1, round(10 N_b / 1e6)), N_b before adding; u_i += 10.
        // R's round() rounds half to even, as Math.rint does.
        final long[] totals = binTotals(counts, bins);
        final long[] pseudo = new long[bins];
        size = new double[bins];
        for (int b = 0; b < bins; b++) {
            pseudo[b] = Math.max(1, (long) Math.rint(10.0 * totals[b] / 1e6));
            // Step 2: k_b = sum of reads after pseudocounts.
            size[b] = totals[b] + (double) pseudo[b] * rows;
        }
        libFract = libraryFractions(counts);
        x = new double[rows][bins];
        constant = new double[rows];
        final double[] logGammaSize = new double[bins];
        for (int b = 0; b < bins; b++) {
            logGammaSize[b] = LogGamma.of(size[b]);
        }
        for (int i = 0; i < rows; i++) {
            double c = 0;
            for (int b = 0; b < bins; b++) {
                final double xb = counts.reads(i, b) + pseudo[b];
                x[i][b] = xb;
                c += LogGamma.of(xb + size[b]) - logGammaSize[b] - LogGamma.of(xb + 1);
            }
            constant[i] = c;
        }
    }

    /** The reads in each bin, before pseudocounts. */
    private static long[] binTotals(final CountMatrix counts, final int bins) {
        final long[] totals = new long[bins];
        for (int b = 0; b < bins; b++) {
            for (int i = 0; i < counts.rows(); i++) {
                totals[b] += counts.reads(i, b);
            }
        }
        return totals;
    }

    /** Each sequence's share of the unsorted reads, pseudocount included (libFract). */
    private static double[] libraryFractions(final CountMatrix counts) {
        double unsortedTotal = 0;
        for (int i = 0; i < counts.rows(); i++) {
            unsortedTotal += counts.unsortedReads(i) + MaudeEstimator.unsortedPseudocount();
        }
        final double[] libFract = new double[counts.rows()];
        for (int i = 0; i < libFract.length; i++) {
            libFract[i] =
                    (counts.unsortedReads(i) + MaudeEstimator.unsortedPseudocount())
                            / unsortedTotal;
        }
        return libFract;
    }

    static MaudeLikelihood of(final SortGates gates, final CountMatrix counts, final double sigma) {
        return new MaudeLikelihood(gates, counts, sigma);
    }

    /**
     * log L(μ) of one sequence: Σ_b log NB(x_b; size k_b, prob 1 − q_b(μ)). NaN when some q_b ≥ 1
     * (R's dnbinom gives NaN for prob ≤ 0), −∞ when some q_b = 0.
     */
    double logLikelihood(final int row, final double mu) {
        final double[] xr = x[row];
        final double lf = libFract[row];
        double ll = constant[row];
        for (int b = 0; b < xr.length; b++) {
            final double q =
                    Normal.mass((startZ[b] - mu) / sigma, (endZ[b] - mu) / sigma) * lf / width[b];
            if (!(q < 1)) {
                return Double.NaN;
            }
            ll += size[b] * Math.log1p(-q) + xr[b] * Math.log(q);
        }
        return ll;
    }
}
