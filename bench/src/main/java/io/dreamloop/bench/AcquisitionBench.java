package io.dreamloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import io.dreamloop.contracts.motif.TransfacMotifs;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.designer.acquisition.Acquired;
import io.dreamloop.designer.acquisition.AcquisitionStrategy;
import io.dreamloop.designer.acquisition.Candidate;
import io.dreamloop.evaluation.Correlations;
import io.dreamloop.labingest.estimation.BinWeightedMean;
import io.dreamloop.labingest.estimation.Population;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.estimation.SortSeqSimulator;
import io.dreamloop.labingest.insilico.OccupancyModel;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.training.DreamDataset;
import io.dreamloop.predictor.model.training.DreamTrainer;
import io.dreamloop.predictor.model.training.Recipe;
import io.dreamloop.predictor.model.training.TrainingCancelledException;
import io.dreamloop.predictor.model.training.TrainingDivergedException;
import io.dreamloop.predictor.model.training.TrainingExample;
import io.dreamloop.predictor.model.training.TrainingJob;
import io.dreamloop.predictor.model.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Does active learning pay here? A pool-based experiment on the in-silico lab: the same pool of
 * random oligos, the same first (random) batch, the same budget per cycle and the same seeds for
 * every strategy; after each cycle an ensemble of models is trained from scratch on everything
 * measured so far and scored by Pearson r against the ground truth of a held-out test set of random
 * oligos. The ensemble's members differ in seed and in their 90/10 split, so their disagreement is
 * what the {@code uncertainty} strategy ranks on.
 *
 * <p>Measurements come from the simulated sort-seq (Poisson cells, 18 bins, reads per cell) read
 * out by the bin-weighted mean; the gates are set once on a sort of the whole random pool and kept
 * for every batch, as a lab keeps its gates across a campaign so that cycles pool on one scale.
 */
@Command(
        name = "acquisition",
        mixinStandardHelpOptions = true,
        description =
                "Learning curves on the in-silico lab: held-out r per cycle for each acquisition"
                        + " strategy with the same budget and seeds.")
final class AcquisitionBench implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--strategies",
            split = ",",
            defaultValue = "random,uncertainty",
            description = "Strategies to compare (default ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(
            names = "--pool",
            defaultValue = "4000",
            description = "Random candidate oligos (default ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(
            names = "--test",
            defaultValue = "1000",
            description =
                    "Held-out random oligos scored against the truth (default ${DEFAULT-VALUE}).")
    int testSize;

    @Option(
            names = "--initial",
            defaultValue = "400",
            description =
                    "First batch, random, shared by all strategies (default ${DEFAULT-VALUE}).")
    int initial;

    @Option(
            names = "--batch",
            defaultValue = "400",
            description = "Sequences acquired per cycle (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--cycles",
            defaultValue = "4",
            description = "Acquisition cycles after the first batch (default ${DEFAULT-VALUE}).")
    int cycles;

    @Option(
            names = "--ensemble",
            defaultValue = "3",
            description = "Models per ensemble (default ${DEFAULT-VALUE}).")
    int ensemble;

    @Option(
            names = "--architecture",
            defaultValue = "dream-cnn",
            description = "Architecture, CPU size (default ${DEFAULT-VALUE}).")
    String architecture;

    @Option(
            names = "--epochs",
            defaultValue = "6",
            description = "Epochs per model (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--batch-size",
            defaultValue = "256",
            description = "Training batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--max-lr",
            defaultValue = "0.003",
            description =
                    "Peak learning rate; halved once on divergence (default ${DEFAULT-VALUE}).")
    double maxLr;

    @Option(
            names = "--cells",
            defaultValue = "100",
            description = "Mean cells per sequence in a sort (default ${DEFAULT-VALUE}).")
    double cells;

    @Option(
            names = "--reads-per-cell",
            defaultValue = "10",
            description = "Sequencing depth (default ${DEFAULT-VALUE}).")
    double readsPerCell;

    @Option(
            names = "--min-hamming",
            defaultValue = "10",
            description =
                    "Smallest Hamming distance within a ranked batch (default ${DEFAULT-VALUE}).")
    int minHamming;

    @Option(
            names = "--motifs",
            defaultValue = "../shared/data/jaspar/derived_yeast_selected_TFs_transfac.txt",
            description = "Motifs of the in-silico lab's ground truth (default ${DEFAULT-VALUE}).")
    Path motifs;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed of everything (default ${DEFAULT-VALUE}).")
    long seed;

    private ModelStore store;
    private SortSeqSimulator simulator;
    private Population gates;
    private OccupancyModel truth;
    private double truthMean;
    private double truthSd;

    @Override
    public Integer call() throws IOException, TrainingCancelledException {
        validate();
        truth =
                new OccupancyModel(
                        OccupancyModel.Parameters.yeastDefaults(TransfacMotifs.parse(motifs)));
        final List<DnaSequence> pool = ScoringBench.randomOligos(poolSize, seed);
        final List<DnaSequence> test = ScoringBench.randomOligos(testSize, seed + 1);
        final double[] poolTruth = truthOf(pool);
        truthMean = mean(poolTruth);
        truthSd = Math.sqrt(variance(poolTruth, truthMean));
        final double[] testZ = z(truthOf(test));
        simulator =
                new SortSeqSimulator(
                        SortGates.contiguous(18, SortGates.DEFAULT_TAIL_P),
                        new SortSeqSimulator.Settings(
                                cells,
                                SortSeqSimulator.CellCounts.POISSON,
                                readsPerCell,
                                readsPerCell));
        gates = simulator.gatesOn(z(poolTruth), new SplittableRandom(seed + 2));
        System.out.printf(
                "acquisition: pool %,d random oligos, test %,d, first batch %d (random, shared),"
                        + " %d cycles of %d, ensemble of %d %s cpu (%d epochs, batch %d, peak lr %s),"
                        + " %.0f cells and %.0f reads per cell, 18 bins with gates fixed on the pool,"
                        + " seed %d%n",
                poolSize,
                testSize,
                initial,
                cycles,
                batch,
                ensemble,
                architecture,
                epochs,
                batchSize,
                maxLr,
                cells,
                readsPerCell,
                seed);
        final List<Integer> first =
                randomIndices(poolSize, initial, new SplittableRandom(seed + 3));
        final List<TrainingExample> firstMeasured = measure(pool, first, 0);
        System.out.printf(
                "first batch: %d of %d read; Pearson r of measurement and truth %.4f (the ceiling"
                        + " of a perfect model trained on these measurements)%n",
                firstMeasured.size(), first.size(), measurementAccuracy(firstMeasured));
        final Map<String, double[]> curves = new LinkedHashMap<>();
        final Map<String, int[]> sizes = new LinkedHashMap<>();
        final Path storeRoot = Files.createTempDirectory("dreamloop-acquisition-bench");
        try {
            store = new ModelStore(storeRoot);
            for (final String name : strategies) {
                final double[] r = new double[cycles + 1];
                final int[] n = new int[cycles + 1];
                run(
                        AcquisitionStrategy.named(name, minHamming),
                        pool,
                        test,
                        testZ,
                        first,
                        firstMeasured,
                        r,
                        n);
                curves.put(name, r);
                sizes.put(name, n);
            }
        } finally {
            BenchFiles.deleteTree(storeRoot);
        }
        printCurves(curves, sizes);
        return 0;
    }

    private void validate() {
        try {
            Architecture.fromWireName(architecture);
            strategies.forEach(s -> AcquisitionStrategy.named(s, minHamming));
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (initial + cycles * batch > poolSize) {
            throw new ParameterException(
                    spec.commandLine(),
                    "the pool (%d) is smaller than the first batch plus %d cycles of %d"
                            .formatted(poolSize, cycles, batch));
        }
        if (ensemble < 2) {
            throw new ParameterException(
                    spec.commandLine(), "--ensemble must be >= 2 to disagree, but was " + ensemble);
        }
    }

    /** One strategy's campaign: train, evaluate, acquire, measure; {@code cycles} times. */
    private void run(
            final AcquisitionStrategy strategy,
            final List<DnaSequence> pool,
            final List<DnaSequence> test,
            final double[] testZ,
            final List<Integer> first,
            final List<TrainingExample> firstMeasured,
            final double[] r,
            final int[] n)
            throws TrainingCancelledException {
        System.out.printf(
                "%n%s%n%5s %9s %9s %10s %10s  %s%n",
                strategy.name(),
                "cycle",
                "measured",
                "test r",
                "train s",
                "score s",
                "first pick of the next batch");
        final BitSet chosen = new BitSet(pool.size());
        first.forEach(chosen::set);
        final List<TrainingExample> measured = new ArrayList<>(firstMeasured);
        for (int cycle = 0; cycle <= cycles; cycle++) {
            final long t0 = System.nanoTime();
            final List<String> models = trainEnsemble(strategy.name(), cycle, measured);
            final long t1 = System.nanoTime();
            final List<DnaSequence> open = openOf(pool, chosen);
            final double[][] predictions = predict(models, concat(test, open));
            final long t2 = System.nanoTime();
            r[cycle] =
                    Correlations.pearson(ensembleMean(predictions, 0, test.size()), testZ).value();
            n[cycle] = measured.size();
            String pick = "";
            if (cycle < cycles) {
                final List<Candidate> candidates = new ArrayList<>(open.size());
                for (int i = 0; i < open.size(); i++) {
                    final double[] p = new double[models.size()];
                    for (int m = 0; m < models.size(); m++) {
                        p[m] = predictions[m][test.size() + i];
                    }
                    candidates.add(new Candidate(open.get(i), p));
                }
                final List<Acquired> next =
                        strategy.choose(candidates, batch, new SplittableRandom(seed + 10 + cycle));
                pick = next.getFirst().reason();
                final List<Integer> indices = next.stream().map(a -> indexOf(pool, a)).toList();
                indices.forEach(chosen::set);
                measured.addAll(measure(pool, indices, cycle + 1));
            }
            System.out.printf(
                    "%5d %9d %9.4f %10.1f %10.1f  %s%n",
                    cycle, n[cycle], r[cycle], (t1 - t0) / 1e9, (t2 - t1) / 1e9, pick);
        }
    }

    /** Trains the ensemble from scratch; returns the stored artifacts' hashes. */
    private List<String> trainEnsemble(
            final String strategy, final int cycle, final List<TrainingExample> measured)
            throws TrainingCancelledException {
        final Architecture arch = Architecture.fromWireName(architecture);
        final List<String> out = new ArrayList<>(ensemble);
        for (int k = 0; k < ensemble; k++) {
            final DreamDataset.Split split = DreamDataset.of(measured).split(0.1, seed + 31L * k);
            final Recipe recipe =
                    Recipe.dream(arch)
                            .withEpochs(epochs)
                            .withBatchSize(batchSize)
                            .withValidationBatchSize(1024)
                            .withMaxLr(maxLr)
                            .withSeed(seed + k);
            final TrainingJob job =
                    TrainingJob.fromScratch(
                            "%s-%d-%d".formatted(strategy, cycle, k),
                            arch,
                            ModelSizes.configuration(arch, "cpu"),
                            recipe);
            out.add(trainOnce(job, split).manifest().sha256());
        }
        return out;
    }

    private TrainingResult trainOnce(final TrainingJob job, final DreamDataset.Split split)
            throws TrainingCancelledException {
        final DreamTrainer trainer = new DreamTrainer(store);
        try {
            return trainer.train(job, split.train(), split.validation(), p -> {}, () -> false);
        } catch (final TrainingDivergedException e) {
            System.out.printf(
                    "  %s diverged; retrying at half the peak rate%n", job.modelVersion());
            final Recipe half = job.recipe().withMaxLr(job.recipe().maxLr() / 2);
            return trainer.train(
                    job.withRecipe(half), split.train(), split.validation(), p -> {}, () -> false);
        }
    }

    /** Each model's expected bin (both strands) for every sequence: {@code [model][sequence]}. */
    private double[][] predict(final List<String> models, final List<DnaSequence> sequences) {
        final double[][] out = new double[models.size()][];
        for (int m = 0; m < models.size(); m++) {
            try (Model model = DjlModels.load(store, models.get(m), Device.cpu());
                    ModelScorer scorer = new ModelScorer(model, SequenceEncoding.DREAM_2022, 512)) {
                final float[] mean = scorer.score(sequences).mean();
                out[m] = new double[mean.length];
                for (int i = 0; i < mean.length; i++) {
                    out[m][i] = mean[i];
                }
            }
        }
        return out;
    }

    /** Sorts and sequences the pool members at {@code indices}; drops unread ones. */
    private List<TrainingExample> measure(
            final List<DnaSequence> pool, final List<Integer> indices, final int cycle) {
        final double[] z = new double[indices.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (truth.expression(pool.get(indices.get(i))) - truthMean) / truthSd;
        }
        final List<BinWeightedMean.Estimate> estimates =
                BinWeightedMean.of(
                        simulator
                                .simulate(
                                        z, new SplittableRandom(seed + 1000L * (cycle + 1)), gates)
                                .counts());
        final List<TrainingExample> out = new ArrayList<>(z.length);
        for (int i = 0; i < z.length; i++) {
            final BinWeightedMean.Estimate e = estimates.get(i);
            if (!e.empty()) {
                out.add(new TrainingExample(pool.get(indices.get(i)), e.value().orElseThrow()));
            }
        }
        return out;
    }

    private double measurementAccuracy(final List<TrainingExample> measured) {
        final double[] values = new double[measured.size()];
        final double[] truthZ = new double[measured.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = measured.get(i).value();
            truthZ[i] = (truth.expression(measured.get(i).sequence()) - truthMean) / truthSd;
        }
        return Correlations.pearson(values, truthZ).value();
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

    private double[] truthOf(final List<DnaSequence> sequences) {
        final double[] out = new double[sequences.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = truth.expression(sequences.get(i));
        }
        return out;
    }

    private double[] z(final double[] values) {
        final double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - truthMean) / truthSd;
        }
        return out;
    }

    private static double mean(final double[] v) {
        double s = 0;
        for (final double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(final double[] v, final double mean) {
        double s = 0;
        for (final double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }

    private void printCurves(final Map<String, double[]> curves, final Map<String, int[]> sizes) {
        System.out.printf(
                "%nlearning curves: held-out Pearson r with the truth after each cycle%n");
        System.out.printf("%-14s", "measured");
        final int[] n = sizes.values().iterator().next();
        for (final int m : n) {
            System.out.printf(" %8d", m);
        }
        System.out.println();
        for (final Map.Entry<String, double[]> e : curves.entrySet()) {
            System.out.printf("%-14s", e.getKey());
            for (final double r : e.getValue()) {
                System.out.printf(" %8.4f", r);
            }
            System.out.println();
        }
    }
}
