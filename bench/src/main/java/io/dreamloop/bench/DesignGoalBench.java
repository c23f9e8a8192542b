package io.dreamloop.bench;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.designer.ga.DesignSpace;
import io.dreamloop.designer.ga.DesignedSequence;
import io.dreamloop.designer.ga.Direction;
import io.dreamloop.designer.ga.GaSettings;
import io.dreamloop.designer.ga.GaStart;
import io.dreamloop.designer.ga.HighLowDesign;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Design-goal campaigns against their baselines, on the in-silico lab: with the same total budget
 * and seeds, is the best expression measured after a closed loop of GA design on the ensemble's
 * confidence bound higher than random search and than one GA design on the first model?
 *
 * <p>Per seed, one random first batch is measured and an ensemble trained on it (shared by every
 * arm). Then, for {@code --cycles} cycles of {@code --batch}:
 *
 * <ul>
 *   <li>{@code ucb}: the GA designs the batch on the current ensemble's upper confidence bound
 *       (mean + kappa sd; lower bound for {@code --direction low}), the lab measures it, the
 *       ensemble is trained again on everything measured;
 *   <li>{@code greedy}: the same with kappa 0 (the ensemble mean);
 *   <li>{@code random}: random search, a fresh random batch each cycle, no model;
 *   <li>{@code one-shot-random}: the same from a random GA start, as the reference GAs start;
 *   <li>{@code one-shot}: the GA designs all cycles' sequences at once on the first ensemble's
 *       mean, and the lab measures them together.
 * </ul>
 *
 * Every GA design (loops and one-shot) starts, as the services' design-goal campaigns do, from the
 * best sequences measured so far and their mutants ({@code --start-from-best}; the loops have
 * measured more, and better, by their later cycles); {@code one-shot-random} keeps the reference
 * GA's random start.
 *
 * <p>Reported per arm over seeds: the designed sequences' measured mean, the mean of their top 10%,
 * and the best, each also in the lab's noiseless truth (z units), as mean (sd) over seeds; per
 * cycle for the loops. The verdict compares the closed loop's best and top 10% with each
 * baseline's, as the difference of means beside twice the larger spread.
 */
@Command(
        name = "design-goal",
        description =
                "Maximize (or minimize) expression by closed-loop GA design on the ensemble's"
                        + " confidence bound, against random search and a one-shot GA, over seeds.",
        mixinStandardHelpOptions = true)
final class DesignGoalBench implements Callable<Integer> {
    private static final List<String> ARMS =
            List.of("ucb", "greedy", "random", "one-shot", "one-shot-random");

    @Spec CommandSpec spec;

    @Mixin CampaignBenchOptions options;

    @Option(
            names = "--arms",
            split = ",",
            defaultValue = "ucb,random,one-shot,one-shot-random",
            description =
                    "Arms among ucb, greedy, random, one-shot, one-shot-random (default"
                            + " ${DEFAULT-VALUE}).")
    List<String> arms;

    @Option(
            names = "--direction",
            defaultValue = "high",
            description = "high (maximize) or low (minimize) (default ${DEFAULT-VALUE}).")
    String direction;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = "1,2,3",
            description = "Seeds (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(
            names = "--initial",
            defaultValue = "200",
            description = "First batch, random, shared by all arms (default ${DEFAULT-VALUE}).")
    int initial;

    @Option(
            names = "--batch",
            defaultValue = "100",
            description = "Sequences designed per cycle (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--cycles",
            defaultValue = "3",
            description = "Design cycles after the first batch (default ${DEFAULT-VALUE}).")
    int cycles;

    @Option(
            names = "--kappa",
            defaultValue = "1.0",
            description = "The ucb arm's weight of the ensemble sd (default ${DEFAULT-VALUE}).")
    double kappa;

    @Option(
            names = "--population",
            defaultValue = "1000",
            description = "GA population (default ${DEFAULT-VALUE}).")
    int population;

    @Option(
            names = "--generations",
            defaultValue = "10",
            description = "GA generations (default ${DEFAULT-VALUE}).")
    int generations;

    @Option(
            names = "--start-from-best",
            defaultValue = "20",
            description =
                    "GA start of every design (loops and one-shot alike): half of the population"
                            + " from the K best sequences measured so far and their mutants, half"
                            + " random, as the services' design-goal campaigns start (a fifth of"
                            + " the budget); 0 for a random start (default ${DEFAULT-VALUE}).")
    int startFromBest;

    @Option(
            names = "--start-substitutions",
            defaultValue = "2",
            description =
                    "Bases changed in each mutant of a start parent (default ${DEFAULT-VALUE}).")
    int startSubstitutions;

    /** Designed sequences' measured values and truths, as one arm ended on one seed. */
    private record Outcome(List<Batch> perCycle, Batch all) {}

    /**
     * Statistics of designed sequences, signed so that larger is better (negated for low).
     *
     * @param n sequences measured
     * @param mean measured mean
     * @param top10 mean of the best tenth, measured
     * @param best best measured
     * @param truthMean mean truth (z)
     * @param truthTop10 mean truth of the best tenth by truth
     * @param truthBest best truth
     */
    private record Batch(
            int n,
            double mean,
            double top10,
            double best,
            double truthMean,
            double truthTop10,
            double truthBest) {}

    private BenchLab lab;
    private BenchEnsemble ensembles;
    private Direction goal;

    @Override
    public Integer call() throws IOException, TrainingCancelledException {
        validate();
        lab = options.lab();
        printHeader();
        final Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        arms.forEach(a -> outcomes.put(a, new ArrayList<>()));
        final Path storeRoot = Files.createTempDirectory("dreamloop-design-goal-bench");
        try {
            ensembles = options.ensembles(new ModelStore(storeRoot));
            for (final long seed : seeds) {
                runSeed(seed, outcomes);
            }
        } finally {
            BenchFiles.deleteTree(storeRoot);
        }
        printSummary(outcomes);
        return 0;
    }

    private void printHeader() {
        System.out.printf(
                "design goal: %s expression; first batch %d random (shared), %d cycles of %d,"
                        + " ensemble of %d %s cpu (%d epochs, batch %d), GA population %,d x %d"
                        + " generations, ucb kappa %.2f; in-silico lab (%.0f cells, %.0f reads per"
                        + " cell, 18 bins, gates fixed on 2,000 random oligos); GA start: %s;"
                        + " seeds %s%n"
                        + "values: measured bin (bin-weighted mean) and truth (z); %s%n",
                goal == Direction.HIGH ? "maximize" : "minimize",
                initial,
                cycles,
                batch,
                options.ensemble,
                options.architecture,
                options.epochs,
                options.batchSize,
                population,
                generations,
                kappa,
                options.cells,
                options.readsPerCell,
                startFromBest == 0
                        ? "random"
                        : "%d best measured and mutants (%d substitutions), half random"
                                .formatted(startFromBest, startSubstitutions),
                seeds,
                goal == Direction.HIGH ? "higher is better" : "lower is better");
    }

    private void validate() {
        try {
            Architecture.fromWireName(options.architecture);
            goal = Direction.valueOf(direction.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--direction must be high or low, and --architecture known: " + e.getMessage());
        }
        for (final String a : arms) {
            if (!ARMS.contains(a)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--arms: unknown arm '%s'; known: %s".formatted(a, ARMS));
            }
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
        if (startFromBest < 0 || startSubstitutions < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "need --start-from-best >= 0 and --start-substitutions >= 1");
        }
        if (cycles < 1 || batch < 10 || initial < 20) {
            throw new ParameterException(
                    spec.commandLine(), "need --cycles >= 1, --batch >= 10 and --initial >= 20");
        }
    }

    /** Every arm from one seed's first batch and first ensemble. */
    private void runSeed(final long seed, final Map<String, List<Outcome>> out)
            throws TrainingCancelledException {
        lab.calibrate(ScoringBench.randomOligos(2000, seed + 1_000_000L), seed + 2);
        final List<DnaSequence> first = ScoringBench.randomOligos(initial, seed);
        final List<TrainingExample> measured = lab.measure(first, seed + 3);
        final long t0 = System.nanoTime();
        final List<String> firstModels = ensembles.train("first", seed, 0, measured, List.of());
        final Batch start = stats(measured);
        printFirstBatch(seed, measured, start, t0);
        for (final String arm : arms) {
            final long t = System.nanoTime();
            final Outcome o = runArm(arm, seed, measured, firstModels);
            out.get(arm).add(o);
            printArm(arm, o, t);
        }
    }

    private void printFirstBatch(
            final long seed,
            final List<TrainingExample> measured,
            final Batch start,
            final long t0) {
        System.out.printf(
                "%nseed %d: first batch %d measured (r with truth %.3f): mean %.3f, top 10%% %.3f,"
                        + " best %.3f; truth mean %.3f, best %.3f (the lab's ceiling, bin 17:"
                        + " %.3f); ensemble trained in %.0f s%n",
                seed,
                measured.size(),
                lab.accuracy(measured),
                signed(start.mean()),
                signed(start.top10()),
                signed(start.best()),
                signed(start.truthMean()),
                signed(start.truthBest()),
                lab.ceilingZ(goal),
                (System.nanoTime() - t0) / 1e9);
    }

    private Outcome runArm(
            final String arm,
            final long seed,
            final List<TrainingExample> measured,
            final List<String> firstModels)
            throws TrainingCancelledException {
        return switch (arm) {
            case "ucb" -> loop(arm, seed, measured, firstModels, kappa);
            case "greedy" -> loop(arm, seed, measured, firstModels, 0);
            case "random" -> random(seed, measured);
            case "one-shot" -> oneShot(seed, measured, firstModels, start(measured));
            default -> oneShot(seed, measured, firstModels, GaStart.RANDOM);
        };
    }

    /** One arm's designed sequences on one seed and its seconds since {@code t}. */
    private void printArm(final String arm, final Outcome o, final long t) {
        System.out.printf(
                "  %-9s designed %d: mean %.3f, top 10%% %.3f, best %.3f | truth mean %.3f,"
                        + " top 10%% %.3f, best %.3f  (%.0f s)%n",
                arm,
                o.all().n(),
                signed(o.all().mean()),
                signed(o.all().top10()),
                signed(o.all().best()),
                signed(o.all().truthMean()),
                signed(o.all().truthTop10()),
                signed(o.all().truthBest()),
                (System.nanoTime() - t) / 1e9);
    }

    /** The closed loop: design on the ensemble's bound, measure, retrain; {@code cycles} times. */
    private Outcome loop(
            final String arm,
            final long seed,
            final List<TrainingExample> first,
            final List<String> firstModels,
            final double k)
            throws TrainingCancelledException {
        final List<TrainingExample> measured = new ArrayList<>(first);
        final List<TrainingExample> designed = new ArrayList<>();
        final List<Batch> perCycle = new ArrayList<>();
        List<String> models = firstModels;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            final List<DnaSequence> batchDesigned =
                    design(models, k, batch, seed * 100 + cycle, measured, start(measured));
            final List<TrainingExample> batchMeasured =
                    lab.measure(batchDesigned, seed + 1000L * cycle + arm.hashCode());
            measured.addAll(batchMeasured);
            designed.addAll(batchMeasured);
            perCycle.add(stats(batchMeasured));
            if (cycle < cycles) {
                models = ensembles.train(arm, seed, cycle, measured, List.of());
            }
        }
        return new Outcome(perCycle, stats(designed));
    }

    /** Random search: a fresh random batch per cycle. */
    private Outcome random(final long seed, final List<TrainingExample> first) {
        final List<TrainingExample> designed = new ArrayList<>();
        final List<Batch> perCycle = new ArrayList<>();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            final List<TrainingExample> m =
                    lab.measure(
                            ScoringBench.randomOligos(batch, seed * 7919 + cycle),
                            seed + 1000L * cycle + 17);
            designed.addAll(m);
            perCycle.add(stats(m));
        }
        return new Outcome(perCycle, stats(designed));
    }

    /** One GA design of the whole budget on the first ensemble's mean, from {@code start}. */
    private Outcome oneShot(
            final long seed,
            final List<TrainingExample> first,
            final List<String> firstModels,
            final GaStart start) {
        final List<TrainingExample> m =
                lab.measure(
                        design(firstModels, 0, cycles * batch, seed * 100, first, start),
                        seed + 1000L + 29);
        return new Outcome(List.of(), stats(m));
    }

    /** Full oligos designed by the GA on the ensemble, none already measured. */
    private List<DnaSequence> design(
            final List<String> models,
            final double k,
            final int count,
            final long seed,
            final List<TrainingExample> measured,
            final GaStart start) {
        final Set<DnaSequence> avoid = new HashSet<>();
        measured.forEach(e -> avoid.add(variable(e.sequence())));
        final List<String> names = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            names.add("m" + m);
        }
        try (BenchEnsemble.Scorer scorer = ensembles.scorer(models)) {
            final List<DesignedSequence> out =
                    HighLowDesign.onEnsemble(
                                    scorer,
                                    names,
                                    k,
                                    DesignSpace.dream2022(LibraryConstraints.NONE),
                                    GaSettings.cpu()
                                            .withPopulationSize(population)
                                            .withGenerations(generations))
                            .design(goal, count, seed, avoid, start, stats -> {});
            return out.stream().map(d -> Flanks.DREAM_2022.wrap(d.variable())).toList();
        }
    }

    /** The GA's start: random, or the best measured so far and their mutants. */
    private GaStart start(final List<TrainingExample> measured) {
        return GaStart.fromBest(
                measured.stream()
                        .sorted(
                                Comparator.comparingDouble(
                                        (TrainingExample e) -> -goal.sign() * e.value()))
                        .limit(startFromBest)
                        .map(e -> variable(e.sequence()))
                        .toList(),
                startSubstitutions);
    }

    private static DnaSequence variable(final DnaSequence oligo) {
        return Flanks.DREAM_2022.unwrap(oligo);
    }

    /** Statistics signed so that larger is better. */
    private Batch stats(final List<TrainingExample> measured) {
        final double[] v = new double[measured.size()];
        final double[] t = new double[measured.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = goal.sign() * measured.get(i).value();
            t[i] = goal.sign() * lab.truthZ(measured.get(i).sequence());
        }
        return new Batch(
                v.length,
                mean(v),
                topTenth(v),
                Arrays.stream(v).max().orElse(Double.NaN),
                mean(t),
                topTenth(t),
                Arrays.stream(t).max().orElse(Double.NaN));
    }

    private static double mean(final double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double topTenth(final double[] v) {
        final double[] sorted = v.clone();
        Arrays.sort(sorted);
        final int k = Math.max(1, sorted.length / 10);
        double sum = 0;
        for (int i = sorted.length - k; i < sorted.length; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }

    /** A signed statistic back in the units people read. */
    private double signed(final double value) {
        return goal.sign() * value;
    }

    private void printSummary(final Map<String, List<Outcome>> outcomes) {
        System.out.printf(
                "%nover %d seeds, mean (sd); all designed sequences of each arm (%d each)%n",
                seeds.size(), cycles * batch);
        System.out.printf(
                "%-10s %17s %17s %17s %17s %17s %17s%n",
                "arm",
                "measured mean",
                "top 10%",
                "best",
                "truth mean",
                "truth top 10%",
                "truth best");
        for (final Map.Entry<String, List<Outcome>> e : outcomes.entrySet()) {
            final List<Batch> all = e.getValue().stream().map(Outcome::all).toList();
            System.out.printf(
                    "%-10s %17s %17s %17s %17s %17s %17s%n",
                    e.getKey(),
                    spread(all, Batch::mean),
                    spread(all, Batch::top10),
                    spread(all, Batch::best),
                    spread(all, Batch::truthMean),
                    spread(all, Batch::truthTop10),
                    spread(all, Batch::truthBest));
        }
        for (final String loop : List.of("ucb", "greedy")) {
            if (outcomes.containsKey(loop)) {
                printPerCycle(loop, outcomes.get(loop));
            }
        }
        verdicts(outcomes);
    }

    private void printPerCycle(final String loop, final List<Outcome> runs) {
        System.out.printf("%n%s per cycle (measured mean / top 10%% / best):%n", loop);
        for (int c = 0; c < cycles; c++) {
            final int cycle = c;
            final List<Batch> at = runs.stream().map(o -> o.perCycle().get(cycle)).toList();
            System.out.printf(
                    "  cycle %d  %s / %s / %s%n",
                    cycle + 1,
                    spread(at, Batch::mean),
                    spread(at, Batch::top10),
                    spread(at, Batch::best));
        }
    }

    private void verdicts(final Map<String, List<Outcome>> outcomes) {
        final String loop = outcomes.containsKey("ucb") ? "ucb" : "greedy";
        if (!outcomes.containsKey(loop)) {
            return;
        }
        System.out.println();
        for (final String baseline : List.of("random", "one-shot", "one-shot-random")) {
            if (!outcomes.containsKey(baseline)) {
                continue;
            }
            for (final String metric : List.of("top 10%", "best", "truth top 10%", "truth best")) {
                final ToDoubleFunction<Batch> f = statistic(metric);
                printVerdict(
                        loop,
                        baseline,
                        metric,
                        values(outcomes.get(loop), f),
                        values(outcomes.get(baseline), f));
            }
        }
    }

    private static ToDoubleFunction<Batch> statistic(final String metric) {
        return switch (metric) {
            case "top 10%" -> Batch::top10;
            case "best" -> Batch::best;
            case "truth top 10%" -> Batch::truthTop10;
            default -> Batch::truthBest;
        };
    }

    /** The loop against one baseline on one metric, over seeds and paired by seed. */
    private void printVerdict(
            final String loop,
            final String baseline,
            final String metric,
            final double[] loopValues,
            final double[] baseValues) {
        final Spread a = Spread.of(loopValues);
        final Spread b = Spread.of(baseValues);
        // Paired by seed: both arms start from the same first batch and ensemble.
        final double[] paired = new double[loopValues.length];
        int ahead = 0;
        for (int i = 0; i < paired.length; i++) {
            paired[i] = loopValues[i] - baseValues[i];
            ahead += paired[i] > 0 ? 1 : 0;
        }
        final Spread p = Spread.of(paired);
        final double diff = a.mean() - b.mean();
        final double bar = 2 * Math.max(a.sd(), b.sd());
        System.out.printf(
                "%s vs %s, %s: %+.3f (twice the larger sd %.3f): %s; paired by seed"
                        + " %+.3f (sd %.3f), ahead on %d of %d seeds%n",
                loop,
                baseline,
                metric,
                signed(diff),
                bar,
                verdict(loop, baseline, diff, bar),
                signed(p.mean()),
                p.sd(),
                ahead,
                paired.length);
    }

    private String verdict(
            final String loop, final String baseline, final double diff, final double bar) {
        if (seeds.size() < 2) {
            return "one seed has no spread: run several to judge";
        } else if (diff > bar) {
            return loop + " better";
        }
        return diff > 0 ? "ahead, within the spread" : baseline + " ahead";
    }

    private static double[] values(final List<Outcome> outcomes, final ToDoubleFunction<Batch> f) {
        return outcomes.stream().map(Outcome::all).mapToDouble(f).toArray();
    }

    private String spread(final List<Batch> batches, final ToDoubleFunction<Batch> f) {
        final Spread s = Spread.of(batches.stream().mapToDouble(f).toArray());
        return String.format(Locale.ROOT, "%.3f (%.3f)", signed(s.mean()), s.sd());
    }
}
