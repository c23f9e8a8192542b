package io.dreamloop.labingest.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * MAUDE's per-sequence maximum-likelihood mean (de Boer, Ray et al. 2020, {@code R/MAUDE.R}, {@code
 * findGuideHits}/{@code getNormalMLE}; SPEC §5.2 steps 1–6).
 *
 * <p>Each sequence's cells are assumed normal with σ = 1 in the population's z units. For a
 * candidate mean μ the expected share of bin b's reads is q_b(μ) = [Φ(Zend_b − μ) − Φ(Zstart_b −
 * μ)] · libFract / (Qend_b − Qstart_b), and the reads are negative binomial with size k_b (the
 * bin's total reads) and prob 1 − q_b, so E[x] = k_b q_b / (1 − q_b). μ̂ maximizes the summed log
 * likelihood on [−4, 4]. Stateless and thread-safe; results depend only on the input.
 */
public final class MaudeEstimator {

    /** MAUDE's bounds on μ. */
    public static final double MIN_MEAN = -4;

    /** MAUDE's bounds on μ. */
    public static final double MAX_MEAN = 4;

    private static final double TOLERANCE = 1e-6;
    private static final int GRID_POINTS = 1001;
    private static final long UNSORTED_PSEUDOCOUNT = 10;

    /** MAUDE's σ: the spread of one sequence's cells equals the population's. */
    public static final double DEFAULT_SIGMA = 1;

    private final SortGates gates;
    private final double sigma;

    /**
     * MAUDE as published: σ = 1.
     *
     * @param gates the run's gates
     */
    public MaudeEstimator(final SortGates gates) {
        this(gates, DEFAULT_SIGMA);
    }

    /**
     * An estimator with a fixed σ other than 1: the spread of one sequence's cells in the
     * population's z units. MAUDE's σ = 1 suits CRISPR screens, where most guides do nothing and
     * the population is the noise; a promoter library spreads far wider than one promoter's cells,
     * so there σ = (cell-to-cell sd) / (population sd) is below 1, and σ = 1 blurs the fit.
     *
     * @param gates the run's gates
     * @param sigma the cells' standard deviation in population z units, in (0, 10]
     */
    public MaudeEstimator(final SortGates gates, final double sigma) {
        this.gates = Objects.requireNonNull(gates, "gates");
        if (!(sigma > 0 && sigma <= 10)) {
            throw new IllegalArgumentException("sigma must be in (0, 10], but was " + sigma);
        }
        this.sigma = sigma;
    }

    /**
     * Fits every sequence.
     *
     * @param counts reads per sequence and bin, one column per gate
     * @return one fit per row, in row order
     * @throws IllegalArgumentException naming the row when its bin count differs from the gates
     */
    public List<MaudeFit> fit(final CountMatrix counts) {
        final MaudeLikelihood model = MaudeLikelihood.of(gates, checked(counts), sigma);
        final List<MaudeFit> fits = new ArrayList<>(counts.rows());
        for (int i = 0; i < counts.rows(); i++) {
            fits.add(fitRow(model, i));
        }
        return fits;
    }

    /**
     * Fits every sequence and scores it against the negative controls: μ_NT is the mean μ̂ of the
     * controls, Z = μ̂ − μ_NT and llRatio = log L(μ̂) − log L(μ_NT).
     *
     * @param counts reads per sequence and bin
     * @param negativeControls ids of the negative-control sequences, at least one, all present
     * @return one score per row, in row order
     */
    public List<MaudeScore> score(final CountMatrix counts, final Set<String> negativeControls) {
        Objects.requireNonNull(negativeControls, "negativeControls");
        if (negativeControls.isEmpty()) {
            throw new IllegalArgumentException("need at least one negative control");
        }
        final List<String> missing =
                negativeControls.stream().filter(c -> !counts.ids().contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("negative controls not in the counts: " + missing);
        }
        final MaudeLikelihood model = MaudeLikelihood.of(gates, checked(counts), sigma);
        final List<MaudeFit> fits = new ArrayList<>(counts.rows());
        double sum = 0;
        int n = 0;
        for (int i = 0; i < counts.rows(); i++) {
            final MaudeFit fit = fitRow(model, i);
            fits.add(fit);
            if (negativeControls.contains(counts.ids().get(i))) {
                sum += fit.mean();
                n++;
            }
        }
        final double muNt = sum / n;
        final List<MaudeScore> scores = new ArrayList<>(fits.size());
        for (int i = 0; i < fits.size(); i++) {
            final MaudeFit f = fits.get(i);
            final double llNt = model.logLikelihood(i, muNt);
            scores.add(
                    new MaudeScore(
                            counts.ids().get(i),
                            f.mean(),
                            f.logLikelihood(),
                            f.mean() - muNt,
                            f.logLikelihood() - llNt));
        }
        return scores;
    }

    private CountMatrix checked(final CountMatrix counts) {
        Objects.requireNonNull(counts, "counts");
        for (int i = 0; i < counts.rows(); i++) {
            if (counts.bins(i) != gates.size()) {
                throw new IllegalArgumentException(
                        "row %d ('%s') has %d bins, but the gates have %d"
                                .formatted(i, counts.ids().get(i), counts.bins(i), gates.size()));
            }
        }
        return counts;
    }

    /**
     * Step 5: Brent on [−4, 4] (R: L-BFGS-B from 0). If the objective was NaN anywhere (q_b ≥ 1 for
     * an abundant sequence), scan 1001 grid points, keep the finite ones and re-optimize on their
     * range, as MAUDE's error handler does.
     */
    private static MaudeFit fitRow(final MaudeLikelihood model, final int row) {
        final RowObjective objective = new RowObjective(model, row);
        double mu = BoundedMaximizer.maximize(objective, MIN_MEAN, MAX_MEAN, TOLERANCE);
        if (objective.sawNaN) {
            double lo = Double.NaN;
            double hi = Double.NaN;
            for (int g = 0; g < GRID_POINTS; g++) {
                final double m = MIN_MEAN + (MAX_MEAN - MIN_MEAN) * g / (GRID_POINTS - 1);
                if (Double.isFinite(model.logLikelihood(row, m))) {
                    lo = Double.isNaN(lo) ? m : lo;
                    hi = m;
                }
            }
            if (Double.isNaN(lo)) {
                return new MaudeFit(Double.NaN, Double.NaN);
            }
            mu = BoundedMaximizer.maximize(m -> model.logLikelihood(row, m), lo, hi, TOLERANCE);
        }
        return new MaudeFit(mu, model.logLikelihood(row, mu));
    }

    /** One row's log-likelihood as a function of the mean, remembering whether it was ever NaN. */
    private static final class RowObjective implements DoubleUnaryOperator {
        private final MaudeLikelihood model;
        private final int row;
        private boolean sawNaN;

        RowObjective(final MaudeLikelihood model, final int row) {
            this.model = model;
            this.row = row;
        }

        @Override
        public double applyAsDouble(final double mean) {
            final double ll = model.logLikelihood(row, mean);
            sawNaN |= Double.isNaN(ll);
            return ll;
        }
    }

    /** The pseudocount MAUDE adds to unsorted reads (step 1). */
    static long unsortedPseudocount() {
        return UNSORTED_PSEUDOCOUNT;
    }
}
