package io.dreamloop.bench;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.designer.acquisition.Acquired;
import io.dreamloop.designer.acquisition.AcquisitionStrategy;
import io.dreamloop.designer.acquisition.Candidate;
import io.dreamloop.designer.acquisition.RandomAcquisition;
import io.dreamloop.designer.ga.DnaCodecs;
import io.dreamloop.evaluation.ChallengeEvaluator;
import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.evaluation.EvaluationSet;
import io.dreamloop.evaluation.InputFormatException;
import io.dreamloop.evaluation.SubsetScore;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Does active learning pay here? A pool-based experiment on the in-silico lab, repeated over seeds:
 * per seed the same pool of random oligos, the same first (random) batch and the same budget per
 * cycle for every strategy; after each cycle an ensemble is trained on everything measured so far
 * (from scratch, or warm-started from the previous cycle's ensemble with {@code name@warm}) and
 * scored on one fixed test library with every subset of the DREAM 2022 test set ({@link
 * DreamTestLibrary}) against the in-silico lab's noiseless truth: the challenge's Pearson score
 * (SPEC §4, per subset and weighted) and Pearson r over all members. The ensemble's members differ
 * in seed and in their 90/10 split, so their disagreement is what the uncertainty strategies rank
 * on. With {@code name@variants} an arm's candidates grow each cycle by single-base variants of
 * what it measured (the test library's SNV pairs and motif perturbations are variants too, which
 * random oligos never teach).
 *
 * <p>Measurements come from the simulated sort-seq (Poisson cells, 18 bins, reads per cell) read
 * out by the bin-weighted mean; the gates are set once on a sort of the whole random pool and kept
 * for every batch, as a lab keeps its gates across a campaign so that cycles pool on one scale.
 *
 * <p>The verdict line applies the target of the campaign issue to each strategy against random (at
 * the same training mode): it pays when it reaches random's final mean score with at most 75% of
 * random's measurements, or beats random's final mean score by more than twice the larger spread
 * (sd over seeds).
 */
@Command(
        name = "acquisition",
        mixinStandardHelpOptions = true,
        description =
                "Learning curves on the in-silico lab over seeds: challenge score on a fixed"
                        + " all-subset test library per cycle for each acquisition strategy, with"
                        + " the same budget and seeds, and whether any strategy beats random.")
final class AcquisitionBench implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin CampaignBenchOptions options;

    @Option(
            names = "--strategies",
            split = ",",
            defaultValue = "random,diverse-uncertainty,mixed",
            description =
                    "Strategies to compare; name@warm warm-starts each cycle's ensemble from the"
                            + " previous one, name@variants adds --variants single-base variants"
                            + " of measured sequences to the candidates each cycle (default"
                            + " ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(
            names = "--variants",
            defaultValue = "500",
            description =
                    "Candidates added per cycle to an @variants arm's pool: each a measured"
                            + " sequence of the arm with one base of its variable region changed"
                            + " (default ${DEFAULT-VALUE}).")
    int variants;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = "1,2,3",
            description = "Seeds: pool, first batch, models (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(
            names = "--pool",
            defaultValue = "2000",
            description = "Random candidate oligos (default ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(
            names = "--test-per-subset",
            defaultValue = "100",
            description =
                    "Test library: sequences (or pairs) per DREAM subset (default ${DEFAULT-VALUE}).")
    int testPerSubset;

    @Option(
            names = "--test-subsets",
            defaultValue = "../shared/data/dream2022/test_subsets",
            description = "The DREAM 2022 test subset CSVs (default ${DEFAULT-VALUE}).")
    Path testSubsets;

    @Option(
            names = "--initial",
            defaultValue = "200",
            description =
                    "First batch, random, shared by all strategies (default ${DEFAULT-VALUE}).")
    int initial;

    @Option(
            names = "--batch",
            defaultValue = "200",
            description = "Sequences acquired per cycle (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--cycles",
            defaultValue = "3",
            description = "Acquisition cycles after the first batch (default ${DEFAULT-VALUE}).")
    int cycles;

    @Option(
            names = "--min-hamming",
            defaultValue = "10",
            description =
                    "Smallest Hamming distance within a ranked batch (default ${DEFAULT-VALUE}).")
    int minHamming;

    /** One line of the comparison: a strategy, trained cold or warm. */
    private record Arm(String label, AcquisitionStrategy strategy, boolean warm, boolean variants) {
        static Arm parse(final String label, final int minHamming) {
            final boolean warm = label.contains(WARM);
            final boolean variants = label.contains(VARIANTS);
            final String name = label.replace(WARM, "").replace(VARIANTS, "");
            return new Arm(label, AcquisitionStrategy.named(name, minHamming), warm, variants);
        }

        /** The random arm trained the same way: what this arm is judged against. */
        String baseline() {
            return warm ? "random" + WARM : "random";
        }
    }

    /** One arm's run on one seed: per cycle the measured count and the scores on the library. */
    private record Curve(int[] measured, double[] score, double[] r, ChallengeScore last) {}

    private static final String WARM = "@warm";

    /** Each cycle's candidates also hold single-base variants of what the arm measured. */
    private static final String VARIANTS = "@variants";

    private ModelStore store;

    /** Cycle 0 is the same for every arm of a seed (same first batch, same model seeds). */
    private final Map<Long, List<String>> firstEnsemble = new HashMap<>();

    private BenchLab lab;
    private BenchEnsemble ensembles;
    private DreamTestLibrary library;

    @Override
    public Integer call() throws IOException, InputFormatException, TrainingCancelledException {
        final List<Arm> arms = validate();
        lab = options.lab();
        library = DreamTestLibrary.sample(testSubsets, testPerSubset, 2022);
        System.out.printf(
                "acquisition: pool %,d random oligos, first batch %d (random, shared), %d cycles"
                        + " of %d, ensemble of %d %s cpu (%d epochs, batch %d, peak lr %s),"
                        + " %.0f cells and %.0f reads per cell, 18 bins with gates fixed on the"
                        + " pool, seeds %s%ntest library (fixed, DREAM 2022 test sequences, SNV"
                        + " pairs designed on its random ones): %s%n",
                poolSize,
                initial,
                cycles,
                batch,
                options.ensemble,
                options.architecture,
                options.epochs,
                options.batchSize,
                options.maxLr,
                options.cells,
                options.readsPerCell,
                seeds,
                library.describe());
        final Map<String, List<Curve>> curves = new LinkedHashMap<>();
        arms.forEach(a -> curves.put(a.label(), new ArrayList<>()));
        final Path storeRoot = Files.createTempDirectory("dreamloop-acquisition-bench");
        try {
            store = new ModelStore(storeRoot);
            ensembles = options.ensembles(store);
            for (final long seed : seeds) {
                runSeed(seed, arms, curves);
            }
        } finally {
            BenchFiles.deleteTree(storeRoot);
        }
        printSummary(arms, curves);
        return 0;
    }

    private List<Arm> validate() {
        final List<Arm> arms = new ArrayList<>();
        try {
            Architecture.fromWireName(options.architecture);
            strategies.forEach(s -> arms.add(Arm.parse(s, minHamming)));
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (initial + cycles * batch > poolSize) {
            throw new ParameterException(
                    spec.commandLine(),
                    "the pool (%d) is smaller than the first batch plus %d cycles of %d"
                            .formatted(poolSize, cycles, batch));
        }
        if (options.ensemble < 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--ensemble must be >= 2 to disagree, but was " + options.ensemble);
        }
        if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
            throw new ParameterException(
                    spec.commandLine(), "--seeds must be distinct, but were " + seeds);
        }
        if (!Files.isDirectory(testSubsets)) {
            throw new ParameterException(
                    spec.commandLine(), "--test-subsets: no directory " + testSubsets);
        }
        return arms;
    }

    /** Every arm on one seed's pool, gates and first batch. */
    private void runSeed(final long seed, final List<Arm> arms, final Map<String, List<Curve>> out)
            throws TrainingCancelledException {
        final List<DnaSequence> pool = ScoringBench.randomOligos(poolSize, seed);
        lab.calibrate(pool, seed + 2);
        final EvaluationSet test = library.measuredAs(lab::truthZ);
        final List<Integer> first =
                randomIndices(poolSize, initial, new SplittableRandom(seed + 3));
        final List<TrainingExample> firstMeasured = measure(pool, first, 0, seed);
        System.out.printf(
                "%nseed %d: first batch %d of %d read; Pearson r of measurement and truth %.4f"
                        + " (the ceiling of a perfect model trained on these measurements)%n",
                seed, firstMeasured.size(), first.size(), lab.accuracy(firstMeasured));
        for (final Arm arm : arms) {
            out.get(arm.label()).add(run(arm, seed, pool, test, first, firstMeasured));
        }
    }

    /** One arm's campaign: train, evaluate, acquire, measure; {@code cycles} times. */
    private Curve run(
            final Arm arm,
            final long seed,
            final List<DnaSequence> pool,
            final EvaluationSet test,
            final List<Integer> first,
            final List<TrainingExample> firstMeasured)
            throws TrainingCancelledException {
        printRunHeader(arm, seed);
        final int[] n = new int[cycles + 1];
        final double[] score = new double[cycles + 1];
        final double[] r = new double[cycles + 1];
        ChallengeScore last = null;
        final Campaign campaign = Campaign.start(arm, pool, first, firstMeasured);
        final List<DnaSequence> testSequences = library.inOrder();
        // Random needs no predictions of the pool, and after the last cycle nothing is chosen.
        final boolean readsPredictions = !(arm.strategy() instanceof RandomAcquisition);
        List<String> models = List.of();
        for (int cycle = 0; cycle <= cycles; cycle++) {
            final long t0 = System.nanoTime();
            models = train(arm, seed, cycle, campaign.measured(), models);
            final long t1 = System.nanoTime();
            if (arm.variants() && cycle < cycles) {
                addVariants(campaign, new SplittableRandom(seed + 20 + cycle));
            }
            final List<DnaSequence> open =
                    cycle < cycles && readsPredictions ? campaign.open() : List.of();
            final Predicted predicted = predict(models, testSequences, open);
            final long t2 = System.nanoTime();
            last = evaluate(test, predicted.predictions(), testSequences.size());
            score[cycle] = last.pearsonScore();
            r[cycle] = last.all().r();
            n[cycle] = campaign.measured().size();
            String pick = "";
            if (cycle < cycles) {
                pick = acquire(arm, seed, cycle, campaign, readsPredictions, predicted);
            }
            printCycle(cycle, n[cycle], score[cycle], r[cycle], t1 - t0, t2 - t1, pick);
        }
        return new Curve(n, score, r, last);
    }

    /** Every member's prediction of the test library and then of {@code open}. */
    private Predicted predict(
            final List<String> models,
            final List<DnaSequence> testSequences,
            final List<DnaSequence> open) {
        return new Predicted(
                open,
                ensembles.predict(models, concat(testSequences, open)),
                testSequences.size(),
                models.size());
    }

    /** The ensemble mean of the test library, the first {@code testSize} columns, scored. */
    private ChallengeScore evaluate(
            final EvaluationSet test, final double[][] predictions, final int testSize) {
        return ChallengeEvaluator.evaluate(test, byId(ensembleMean(predictions, 0, testSize)));
    }

    private static void printCycle(
            final int cycle,
            final int measured,
            final double score,
            final double r,
            final long trainNanos,
            final long scoreNanos,
            final String pick) {
        System.out.printf(
                "%5d %9d %9.4f %9.4f %10.1f %10.1f  %s%n",
                cycle, measured, score, r, trainNanos / 1e9, scoreNanos / 1e9, pick);
    }

    private static void printRunHeader(final Arm arm, final long seed) {
        System.out.printf(
                "%n%s, seed %d%n%5s %9s %9s %9s %10s %10s  %s%n",
                arm.label(),
                seed,
                "cycle",
                "measured",
                "score",
                "r (all)",
                "train s",
                "score s",
                "first pick of the next batch");
    }

    /**
     * What one arm has chosen and measured so far. An {@code @variants} arm's pool grows each cycle
     * by variants of what it measured.
     */
    private record Campaign(
            List<DnaSequence> candidatePool,
            Set<DnaSequence> inPool,
            BitSet chosen,
            List<TrainingExample> measured) {
        static Campaign start(
                final Arm arm,
                final List<DnaSequence> pool,
                final List<Integer> first,
                final List<TrainingExample> firstMeasured) {
            final BitSet chosen = new BitSet(pool.size());
            first.forEach(chosen::set);
            return new Campaign(
                    arm.variants() ? new ArrayList<>(pool) : pool,
                    arm.variants() ? new HashSet<>(pool) : Set.of(),
                    chosen,
                    new ArrayList<>(firstMeasured));
        }

        /** The pool members not chosen yet, in pool order. */
        List<DnaSequence> open() {
            return openOf(candidatePool, chosen);
        }
    }

    /**
     * The ensemble's predictions of the test library followed by those of {@code open}, the pool
     * members scored this cycle.
     */
    private record Predicted(
            List<DnaSequence> open, double[][] predictions, int testSize, int members) {
        /** Each member's prediction of the {@code i}-th open sequence. */
        double[] of(final int i) {
            final double[] p = new double[members];
            for (int m = 0; m < members; m++) {
                p[m] = predictions[m][testSize + i];
            }
            return p;
        }
    }

    /** This cycle's ensemble: cycle 0 is shared by all arms of a seed, else trained anew. */
    private List<String> train(
            final Arm arm,
            final long seed,
            final int cycle,
            final List<TrainingExample> measured,
            final List<String> models)
            throws TrainingCancelledException {
        if (cycle == 0 && firstEnsemble.containsKey(seed)) {
            return firstEnsemble.get(seed);
        }
        final List<String> trained =
                ensembles.train(
                        arm.strategy().name(),
                        seed,
                        cycle,
                        measured,
                        arm.warm() ? models : List.of());
        if (cycle == 0) {
            firstEnsemble.put(seed, trained);
        }
        return trained;
    }

    /**
     * Lets the arm's strategy choose the next batch, measures it and returns the reason for its
     * first pick. Random reads no predictions and chooses from the unscored open pool.
     */
    private String acquire(
            final Arm arm,
            final long seed,
            final int cycle,
            final Campaign campaign,
            final boolean readsPredictions,
            final Predicted predicted) {
        final List<Candidate> candidates =
                readsPredictions
                        ? new ArrayList<>(predicted.open().size())
                        : unscored(campaign.candidatePool(), campaign.chosen());
        for (int i = 0; i < predicted.open().size(); i++) {
            candidates.add(new Candidate(predicted.open().get(i), predicted.of(i)));
        }
        final List<Acquired> next =
                arm.strategy().choose(candidates, batch, new SplittableRandom(seed + 10 + cycle));
        final String pick = next.getFirst().reason();
        final List<Integer> indices =
                next.stream().map(a -> indexOf(campaign.candidatePool(), a)).toList();
        indices.forEach(campaign.chosen()::set);
        campaign.measured().addAll(measure(campaign.candidatePool(), indices, cycle + 1, seed));
        return pick;
    }

    /**
     * Adds {@code --variants} new candidates to the pool: measured sequences drawn at random, each
     * with one base of its variable region changed to another, none already in the pool.
     */
    private void addVariants(final Campaign campaign, final SplittableRandom random) {
        final List<DnaSequence> candidatePool = campaign.candidatePool();
        final Set<DnaSequence> inPool = campaign.inPool();
        final List<TrainingExample> measured = campaign.measured();
        int added = 0;
        for (int attempt = 0; added < variants && attempt < 20 * variants; attempt++) {
            final DnaSequence parent = measured.get(random.nextInt(measured.size())).sequence();
            final DnaSequence variant =
                    Flanks.DREAM_2022.wrap(
                            DnaCodecs.substituted(Flanks.DREAM_2022.unwrap(parent), 1, random));
            if (inPool.add(variant)) {
                candidatePool.add(variant);
                added++;
            }
        }
    }

    /** The open pool for random, which reads no prediction: each with a placeholder 0. */
    private static List<Candidate> unscored(final List<DnaSequence> pool, final BitSet chosen) {
        return openOf(pool, chosen).stream().map(s -> new Candidate(s, new double[1])).toList();
    }

    /** The ensemble mean of the test library by member id. */
    private Map<String, Double> byId(final double[] predicted) {
        final List<String> ids = library.ids();
        final Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < predicted.length; i++) {
            out.put(ids.get(i), predicted[i]);
        }
        return out;
    }

    /** Sorts and sequences the pool members at {@code indices}; drops unread ones. */
    private List<TrainingExample> measure(
            final List<DnaSequence> pool,
            final List<Integer> indices,
            final int cycle,
            final long seed) {
        return lab.measure(indices.stream().map(pool::get).toList(), seed + 1000L * (cycle + 1));
    }

    /** {@code k} distinct indices below {@code n}, a partial Fisher-Yates shuffle. */
    private static List<Integer> randomIndices(
            final int n, final int k, final SplittableRandom random) {
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final List<Integer> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            final int j = i + random.nextInt(n - i);
            final int t = order[j];
            order[j] = order[i];
            order[i] = t;
            out.add(t);
        }
        return out;
    }

    private static List<DnaSequence> openOf(final List<DnaSequence> pool, final BitSet chosen) {
        final List<DnaSequence> out = new ArrayList<>(pool.size() - chosen.cardinality());
        for (int i = 0; i < pool.size(); i++) {
            if (!chosen.get(i)) {
                out.add(pool.get(i));
            }
        }
        return out;
    }

    private static int indexOf(final List<DnaSequence> pool, final Acquired a) {
        final int i = pool.indexOf(a.candidate().sequence());
        if (i < 0) {
            throw new IllegalStateException("acquired a sequence not in the pool");
        }
        return i;
    }

    private static List<DnaSequence> concat(final List<DnaSequence> a, final List<DnaSequence> b) {
        final List<DnaSequence> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    private static double[] ensembleMean(final double[][] p, final int from, final int to) {
        final double[] out = new double[to - from];
        for (final double[] model : p) {
            for (int i = from; i < to; i++) {
                out[i - from] += model[i] / p.length;
            }
        }
        return out;
    }

    /**
     * Mean (sd over seeds) per cycle, the last cycle per subset, and the verdict against random.
     */
    private void printSummary(final List<Arm> arms, final Map<String, List<Curve>> curves) {
        final int[] n = curves.values().iterator().next().getFirst().measured();
        System.out.printf(
                "%nchallenge Pearson score on the fixed test library against the truth, mean (sd)"
                        + " over %d seeds, after each cycle%n%-26s",
                seeds.size(), "measured (seed " + seeds.getFirst() + ")");
        for (final int m : n) {
            System.out.printf(" %16d", m);
        }
        System.out.println();
        for (final Arm arm : arms) {
            System.out.printf("%-26s", arm.label());
            for (int c = 0; c <= cycles; c++) {
                System.out.printf(" %16s", at(curves.get(arm.label()), c, Curve::score));
            }
            System.out.println();
        }
        System.out.printf("%nPearson r (all members) against the truth, mean (sd)%n");
        for (final Arm arm : arms) {
            System.out.printf("%-26s", arm.label());
            for (int c = 0; c <= cycles; c++) {
                System.out.printf(" %16s", at(curves.get(arm.label()), c, Curve::r));
            }
            System.out.println();
        }
        printSubsets(arms, curves);
        System.out.printf(
                "%nverdict (target: reach random's final score with <= 75%% of its measurements,"
                        + " or beat it by more than 2 x the larger sd at the same budget)%n");
        for (final Arm arm : arms) {
            if (!arm.strategy().name().equals("random") && curves.containsKey(arm.baseline())) {
                System.out.println(
                        verdict(arm, curves.get(arm.label()), curves.get(arm.baseline())));
            }
        }
    }

    /** Pearson r per subset (Δ r for pairs) after the last cycle, mean over seeds. */
    private void printSubsets(final List<Arm> arms, final Map<String, List<Curve>> curves) {
        System.out.printf(
                "%nafter the last cycle, r per subset (pairs: r of differences), mean%n%-26s", "");
        final ChallengeScore any = curves.get(arms.getFirst().label()).getFirst().last();
        for (final SubsetScore s : any.rows()) {
            System.out.printf(" %10s", abbreviate(s.name()));
        }
        System.out.println();
        for (final Arm arm : arms) {
            System.out.printf("%-26s", arm.label());
            final List<Curve> runs = curves.get(arm.label());
            for (int i = 0; i < any.rows().size(); i++) {
                final int row = i;
                final double[] r =
                        runs.stream().mapToDouble(c -> c.last().rows().get(row).r()).toArray();
                System.out.printf(" %10.4f", Spread.of(r).mean());
            }
            System.out.println();
        }
    }

    private static String abbreviate(final String name) {
        return name.replace("motif-perturbation", "perturb").replace("motif-tiling", "tiling");
    }

    private String verdict(final Arm arm, final List<Curve> runs, final List<Curve> random) {
        final Spread randomFinal = at(random, cycles, Curve::score);
        final Spread armFinal = at(runs, cycles, Curve::score);
        final int[] n = runs.getFirst().measured();
        int reached = -1;
        for (int c = 0; c <= cycles && reached < 0; c++) {
            if (at(runs, c, Curve::score).mean() >= randomFinal.mean()) {
                reached = c;
            }
        }
        final double share = reached < 0 ? Double.NaN : (double) n[reached] / n[cycles];
        final double margin = armFinal.mean() - randomFinal.mean();
        final double bar = 2 * Math.max(armFinal.sd(), randomFinal.sd());
        // One seed has no spread: only the budget criterion can judge it.
        final boolean pays = share <= 0.75 || (runs.size() > 1 && margin > bar);
        final double[] paired = new double[runs.size()];
        for (int i = 0; i < paired.length; i++) {
            paired[i] = runs.get(i).score()[cycles] - random.get(i).score()[cycles];
        }
        return String.format(
                Locale.ROOT,
                "%-26s %s: %s; final score %s vs %s's %s, difference %+.4f against 2 x sd %.4f"
                        + " (paired by seed: %s)",
                arm.label(),
                pays ? "PAYS" : "does not pay",
                reached < 0
                        ? "never reaches " + arm.baseline() + "'s final score"
                        : "reaches %s's final score with %.0f%% of its measurements (cycle %d)"
                                .formatted(arm.baseline(), 100 * share, reached),
                armFinal,
                arm.baseline(),
                randomFinal,
                margin,
                bar,
                Spread.of(paired));
    }

    private static Spread at(
            final List<Curve> runs, final int cycle, final Function<Curve, double[]> metric) {
        return Spread.of(runs.stream().mapToDouble(c -> metric.apply(c)[cycle]).toArray());
    }
}
