package io.dreamloop.labingest.insilico;

import io.dreamloop.contracts.motif.Motif;
import io.dreamloop.contracts.motif.ScoringMatrix;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The in-silico lab's ground truth: expression from thermodynamic transcription-factor occupancy.
 *
 * <p>It is deliberately not a neural network, so that a DREAM model trained on its output has to
 * learn it rather than copy it. For a sequence of any length (normally the measured oligo: 5'
 * adapter, 80-bp variable region, 3' adapter):
 *
 * <ol>
 *   <li>every position on both strands is a potential site of each factor, with log-odds score
 *       {@code s} ({@link ScoringMatrix});
 *   <li>the site is occupied with probability {@code p = c·e^s / (1 + c·e^s)}, {@code c} the
 *       factor's concentration ({@link Parameters.Factor#logConcentration()});
 *   <li>each site's effect is scaled by its {@linkplain Parameters#positionWeight(double) position
 *       weight} and, on the reverse strand, by the factor's {@linkplain
 *       Parameters.Factor#reverseStrandFactor() reverse-strand factor}; the factor's occupancy is
 *       {@code 1 − Π(1 − p·weights)} over all sites (the chance that at least one acts);
 *   <li>{@code raw = basal + Σ activity·occupancy + polyAT}, where activity is positive for
 *       activators and negative for repressors, and {@code polyAT} rises with the length of A or T
 *       homopolymer tracts and saturates;
 *   <li>{@code raw} is mapped to the DREAM bin scale by {@link Parameters#toBins(double)}.
 * </ol>
 *
 * @implNote Immutable and thread-safe; deterministic (no randomness at prediction time).
 */
public final class OccupancyModel {

    private static final double NEGLIGIBLE = -40;

    private final Parameters parameters;
    private final ScoringMatrix[] matrices;

    public OccupancyModel(final Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.matrices =
                parameters.factors().stream()
                        .map(f -> new ScoringMatrix(f.motif(), parameters.pseudocountFraction()))
                        .toArray(ScoringMatrix[]::new);
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Predicted expression on the DREAM bin scale, strictly inside (0, 17). */
    public double expression(final DnaSequence sequence) {
        return parameters.toBins(rawActivity(sequence));
    }

    /** Expression before the squashing to bins: basal + factor terms + poly-A/T term. */
    public double rawActivity(final DnaSequence sequence) {
        final byte[] codes = ScoringMatrix.encode(sequence);
        double raw = parameters.basal();
        for (int f = 0; f < matrices.length; f++) {
            raw += parameters.factors().get(f).activity() * occupancy(f, codes);
        }
        return raw + parameters.polyAtTerm(AtTracts.excess(codes, parameters.polyAtMinRun()));
    }

    /** Each factor's weighted occupancy in [0, 1], by motif name, in parameter order. */
    public Map<String, Double> occupancies(final DnaSequence sequence) {
        final byte[] codes = ScoringMatrix.encode(sequence);
        final Map<String, Double> out = new LinkedHashMap<>();
        for (int f = 0; f < matrices.length; f++) {
            out.put(matrices[f].motif().name(), occupancy(f, codes));
        }
        return out;
    }

    private double occupancy(final int factor, final byte[] codes) {
        final ScoringMatrix m = matrices[factor];
        final Parameters.Factor f = parameters.factors().get(factor);
        final int n = codes.length;
        final double lnc = f.logConcentration();
        double unbound = 1;
        for (int i = 0; i + m.length() <= n; i++) {
            final double w = parameters.positionWeight(n - (i + m.length() / 2.0));
            final double pf = bound(m.forwardUnchecked(codes, i) + lnc);
            final double pr = bound(m.reverseUnchecked(codes, i) + lnc) * f.reverseStrandFactor();
            unbound *= (1 - pf * w) * (1 - pr * w);
        }
        return 1 - unbound;
    }

    /**
     * {@code c·e^s / (1 + c·e^s)} written with {@code x = s + ln c}. Below {@code x = −40} the
     * result (under 5e-18) cannot change {@code 1 − p·w} in double precision, so the exponential is
     * skipped; the output is identical.
     */
    private static double bound(final double x) {
        return x < NEGLIGIBLE ? 0 : 1 / (1 + Math.exp(-x));
    }

    /**
     * Every number the model uses. Defaults come from {@link #yeastDefaults(List)}.
     *
     * @param factors the transcription factors, each with its motif and effect; may be empty
     * @param pseudocountFraction pseudocount as a fraction of each PFM row's total ({@link
     *     Motif#logOdds(double)}); default {@value #DEFAULT_PSEUDOCOUNT_FRACTION}
     * @param basal raw expression of a sequence with no sites and no A/T tracts; default {@value
     *     #DEFAULT_BASAL}
     * @param positionFloor weight, in [0, 1], of a site far from the 3' end; default {@value
     *     #DEFAULT_POSITION_FLOOR}. Sites near the 3' end of the oligo are closest to the core
     *     promoter and transcription start site in the reporter, and act most strongly there.
     * @param positionDecayBp distance from the 3' end, in bp and positive, over which the position
     *     weight falls from 1 towards the floor by a factor e; default {@value
     *     #DEFAULT_POSITION_DECAY_BP}, so in a DREAM oligo (13-bp 3' adapter) weights are about
     *     0.90 at the 3' end of the 80-bp region, 0.66 at its middle and 0.52 at its 5' end
     * @param polyAtActivity largest possible raw contribution of A/T tracts, non-negative; default
     *     {@value #DEFAULT_POLY_AT_ACTIVITY}
     * @param polyAtMinRun shortest A or T homopolymer that counts as a tract, at least 2; default
     *     {@value #DEFAULT_POLY_AT_MIN_RUN}
     * @param polyAtHalfSaturation tract excess ({@link AtTracts}) at which the poly-A/T term
     *     reaches half of {@code polyAtActivity}, positive; default {@value
     *     #DEFAULT_POLY_AT_HALF_SATURATION}
     * @param binMidpoint raw expression mapped to bin 8.5, the middle of the scale; default {@value
     *     #DEFAULT_BIN_MIDPOINT}
     * @param binScale raw-expression units per logistic unit, positive; default {@value
     *     #DEFAULT_BIN_SCALE}. Both bin parameters were chosen so that random DREAM-style oligos
     *     spread over much of 0–17 without piling up at either end.
     */
    public record Parameters(
            List<Factor> factors,
            double pseudocountFraction,
            double basal,
            double positionFloor,
            double positionDecayBp,
            double polyAtActivity,
            int polyAtMinRun,
            double polyAtHalfSaturation,
            double binMidpoint,
            double binScale) {

        /** Top of the DREAM bin scale (18 bins, 0 to 17). */
        public static final double MAX_BIN = 17;

        public static final double DEFAULT_PSEUDOCOUNT_FRACTION = 0.1;
        public static final double DEFAULT_BASAL = 0.0;
        public static final double DEFAULT_POSITION_FLOOR = 0.3;
        public static final double DEFAULT_POSITION_DECAY_BP = 80;
        public static final double DEFAULT_POLY_AT_ACTIVITY = 2.0;
        public static final int DEFAULT_POLY_AT_MIN_RUN = 5;
        public static final double DEFAULT_POLY_AT_HALF_SATURATION = 6;
        public static final double DEFAULT_BIN_MIDPOINT = 2.0;
        public static final double DEFAULT_BIN_SCALE = 1.0;

        /**
         * How far below its consensus score a site is half occupied, as a fraction of that score:
         * {@code ln c = −(1 − f)·maxScore}. A fixed margin in nats would let short motifs (5 bp,
         * consensus ≈ 6 nats) be bound almost everywhere and long ones (14 bp) almost nowhere; a
         * fraction keeps the specificity comparable. At 0.3 the consensus is 85–98% occupied (short
         * to long motifs).
         */
        public static final double DEFAULT_BINDING_MARGIN_FRACTION = 0.3;

        /** Relative spread (log-normal sigma) of activities in {@link #randomized(long)}. */
        public static final double RANDOMIZED_ACTIVITY_SIGMA = 0.4;

        /**
         * @throws IllegalArgumentException when a value is outside the range documented above
         */
        public Parameters {
            factors = List.copyOf(factors);
            requireRange("pseudocountFraction", pseudocountFraction, Double.MIN_VALUE, 1e6);
            requireRange("basal", basal, -1e6, 1e6);
            requireRange("positionFloor", positionFloor, 0, 1);
            requireRange("positionDecayBp", positionDecayBp, Double.MIN_VALUE, 1e6);
            requireRange("polyAtActivity", polyAtActivity, 0, 1e6);
            requireRange("polyAtMinRun", polyAtMinRun, 2, DnaSequence.MAX_LENGTH);
            requireRange("polyAtHalfSaturation", polyAtHalfSaturation, Double.MIN_VALUE, 1e6);
            requireRange("binMidpoint", binMidpoint, -1e6, 1e6);
            requireRange("binScale", binScale, Double.MIN_VALUE, 1e6);
        }

        /**
         * Defaults for the given motifs: each motif named in {@link YeastDefaults} (the 16 yeast
         * factors) gets its activity and reverse-strand factor from there and a concentration that
         * half-occupies sites {@link #DEFAULT_BINDING_MARGIN_FRACTION} of the consensus score below
         * it; other motifs are left out, so the full JASPAR file can be passed as well.
         */
        public static Parameters yeastDefaults(final List<Motif> motifs) {
            final List<Factor> factors =
                    motifs.stream()
                            .filter(
                                    m ->
                                            YeastDefaults.ROLES.containsKey(
                                                    m.name().toUpperCase(Locale.ROOT)))
                            .map(Parameters::defaultFactor)
                            .toList();
            return new Parameters(
                    factors,
                    DEFAULT_PSEUDOCOUNT_FRACTION,
                    DEFAULT_BASAL,
                    DEFAULT_POSITION_FLOOR,
                    DEFAULT_POSITION_DECAY_BP,
                    DEFAULT_POLY_AT_ACTIVITY,
                    DEFAULT_POLY_AT_MIN_RUN,
                    DEFAULT_POLY_AT_HALF_SATURATION,
                    DEFAULT_BIN_MIDPOINT,
                    DEFAULT_BIN_SCALE);
        }

        /**
         * A scenario variant: every activity multiplied by {@code exp(σ·z)}, {@code z} standard
         * normal from a generator seeded with {@code seed}, {@code σ =} {@value
         * #RANDOMIZED_ACTIVITY_SIGMA}. Signs are kept, so activators stay activators; everything
         * else is unchanged. The same seed always gives the same parameters.
         */
        public Parameters randomized(final long seed) {
            final SplittableRandom random = new SplittableRandom(seed);
            final List<Factor> perturbed =
                    factors.stream()
                            .map(
                                    f ->
                                            f.withActivity(
                                                    f.activity()
                                                            * Math.exp(
                                                                    RANDOMIZED_ACTIVITY_SIGMA
                                                                            * gaussian(random))))
                            .toList();
            return new Parameters(
                    perturbed,
                    pseudocountFraction,
                    basal,
                    positionFloor,
                    positionDecayBp,
                    polyAtActivity,
                    polyAtMinRun,
                    polyAtHalfSaturation,
                    binMidpoint,
                    binScale);
        }

        /**
         * Weight of a site whose centre lies {@code distanceFromThreePrimeEnd} bp from the 3' end
         * of the sequence: {@code floor + (1 − floor)·exp(−d / decay)}. Smooth and decreasing, 1 at
         * the 3' end.
         */
        public double positionWeight(final double distanceFromThreePrimeEnd) {
            return positionFloor
                    + (1 - positionFloor) * Math.exp(-distanceFromThreePrimeEnd / positionDecayBp);
        }

        /** {@code polyAtActivity · e / (e + half)} for tract excess {@code e}: saturating. */
        public double polyAtTerm(final int tractExcess) {
            return polyAtActivity * tractExcess / (tractExcess + polyAtHalfSaturation);
        }

        /** {@code 17 / (1 + exp(−(raw − midpoint) / scale))}: logistic, monotone increasing. */
        public double toBins(final double raw) {
            return MAX_BIN / (1 + Math.exp(-(raw - binMidpoint) / binScale));
        }

        private static Factor defaultFactor(final Motif motif) {
            final YeastDefaults.Role role =
                    YeastDefaults.ROLES.get(motif.name().toUpperCase(Locale.ROOT));
            final double max = new ScoringMatrix(motif, DEFAULT_PSEUDOCOUNT_FRACTION).maxScore();
            return new Factor(
                    motif,
                    role.activity(),
                    -(1 - DEFAULT_BINDING_MARGIN_FRACTION) * max,
                    role.reverseStrandFactor());
        }

        /** Box–Muller, so the stream is fixed by the seed alone, not by JDK internals. */
        private static double gaussian(final SplittableRandom random) {
            final double u = 1 - random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        }

        private static void requireRange(
                final String name, final double value, final double min, final double max) {
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(
                        "%s must be in [%s, %s], but was %s".formatted(name, min, max, value));
            }
        }

        /**
         * One transcription factor.
         *
         * @param motif its binding motif
         * @param activity raw expression added at full occupancy: positive for an activator,
         *     negative for a repressor
         * @param logConcentration {@code ln c}, the free-factor concentration relative to the
         *     consensus affinity scale: a site with log-odds {@code −ln c} is half occupied
         * @param reverseStrandFactor in [0, 1]: how strongly a site read on the reverse strand
         *     (motif in the opposite orientation to JASPAR's) acts, relative to the forward strand
         */
        public record Factor(
                Motif motif, double activity, double logConcentration, double reverseStrandFactor) {

            /**
             * @throws IllegalArgumentException on non-finite numbers or a reverse-strand factor
             *     outside [0, 1]
             */
            public Factor {
                Objects.requireNonNull(motif, "motif");
                requireRange("activity", activity, -1e6, 1e6);
                requireRange("logConcentration", logConcentration, -1e6, 1e6);
                requireRange("reverseStrandFactor", reverseStrandFactor, 0, 1);
            }

            /** A copy with another activity. */
            public Factor withActivity(final double newActivity) {
                return new Factor(motif, newActivity, logConcentration, reverseStrandFactor);
            }
        }
    }
}
