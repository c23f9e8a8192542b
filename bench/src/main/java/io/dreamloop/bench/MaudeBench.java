package io.dreamloop.bench;

import io.dreamloop.evaluation.Correlations;
import io.dreamloop.labingest.estimation.BinWeightedMean;
import io.dreamloop.labingest.estimation.MaudeEstimator;
import io.dreamloop.labingest.estimation.MaudeFit;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.ingest.GateTableReader;
import io.dreamloop.labingest.insilico.SimulatedRun;
import io.dreamloop.labingest.insilico.SortSeqSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * MAUDE's speed on a large run with 18 contiguous bins and with the real 4-bin CD69 gates, and the
 * accuracy of MAUDE and of the bin-weighted mean against the simulated truth at several read
 * depths. One seeded simulation per setting; both estimators read the same counts.
 */
@Command(
        name = "maude",
        mixinStandardHelpOptions = true,
        description = "MAUDE speed (18 and 4 bins) and accuracy vs read depth.")
final class MaudeBench implements Callable<Integer> {

    @Option(
            names = "--sequences",
            defaultValue = "100000",
            description = "Sequences in the speed run (default ${DEFAULT-VALUE}).")
    int sequences;

    @Option(
            names = "--accuracy-sequences",
            defaultValue = "10000",
            description = "Sequences per accuracy run (default ${DEFAULT-VALUE}).")
    int accuracySequences;

    @Option(
            names = "--cells",
            defaultValue = "20",
            description = "Mean cells per sequence, Poisson (default ${DEFAULT-VALUE}).")
    double cells;

    @Option(
            names = "--depths",
            split = ",",
            defaultValue = "0.1,0.5,1,2,5,10,50",
            description = "Reads per sorted cell to try (default ${DEFAULT-VALUE}).")
    List<Double> depths;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--root", defaultValue = ".", description = "Repository root.")
    Path root;

    @Override
    public Integer call() throws IOException {
        final SortGates cd69 =
                GateTableReader.sortGates(
                        Files.readString(
                                root.resolve("../shared/data/maude/CD69_bin_percentiles.txt"),
                                StandardCharsets.UTF_8));
        final SortGates eighteen = SortGates.contiguous(18, SortGates.DEFAULT_TAIL_P);
        System.out.printf(
                "MAUDE speed: %,d sequences, %.0f cells each (Poisson), 10 reads per cell, one thread%n",
                sequences, cells);
        System.out.printf(
                "%-26s %14s %14s %18s%n", "gates", "simulate s", "MAUDE s", "MAUDE seq/s");
        for (final SortGates gates : List.of(eighteen, cd69)) {
            speed(gates);
        }
        System.out.printf(
                "%nAccuracy: Pearson r with the truth, %,d sequences, %.0f cells each, library sd = cell sd%n",
                accuracySequences, cells);
        System.out.printf(
                "%-14s %12s %12s %12s %12s%n",
                "reads/cell", "18: MAUDE", "18: mean", "4: MAUDE", "4: mean");
        for (final double depth : depths) {
            final double[] a = accuracy(eighteen, depth);
            final double[] b = accuracy(cd69, depth);
            System.out.printf("%-14s %12.4f %12.4f %12.4f %12.4f%n", depth, a[0], a[1], b[0], b[1]);
        }
        return 0;
    }

    private void speed(final SortGates gates) {
        final double[] truth = truth(sequences, seed);
        final long t0 = System.nanoTime();
        final SimulatedRun run =
                new SortSeqSimulator(
                                gates,
                                new SortSeqSimulator.Settings(
                                        cells, SortSeqSimulator.CellCounts.POISSON, 10, 10))
                        .simulate(truth, new SplittableRandom(seed + 1));
        final long t1 = System.nanoTime();
        final List<MaudeFit> fits = new MaudeEstimator(gates).fit(run.counts());
        final long t2 = System.nanoTime();
        System.out.printf(
                "%-26s %14.2f %14.2f %,18.0f%n",
                gates.size() + " bins",
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9,
                fits.size() / ((t2 - t1) / 1e9));
    }

    /** {MAUDE r, bin-weighted-mean r} over sequences with sorted reads. */
    private double[] accuracy(final SortGates gates, final double depth) {
        final double[] truth = truth(accuracySequences, seed + 2);
        final SimulatedRun run =
                new SortSeqSimulator(
                                gates,
                                new SortSeqSimulator.Settings(
                                        cells, SortSeqSimulator.CellCounts.POISSON, depth, 10))
                        .simulate(truth, new SplittableRandom(seed + 3));
        final List<MaudeFit> fits = new MaudeEstimator(gates).fit(run.counts());
        final List<BinWeightedMean.Estimate> means = BinWeightedMean.of(run.counts());
        final int[] rows =
                IntStream.range(0, truth.length).filter(i -> !means.get(i).empty()).toArray();
        final double[] t = IntStream.of(rows).mapToDouble(i -> truth[i]).toArray();
        final double[] m = IntStream.of(rows).mapToDouble(i -> fits.get(i).mean()).toArray();
        final double[] w =
                IntStream.of(rows).mapToDouble(i -> means.get(i).value().getAsDouble()).toArray();
        return new double[] {
            Correlations.pearson(m, t).value(), Correlations.pearson(w, t).value()
        };
    }

    private static double[] truth(final int n, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, n).mapToDouble(i -> random.nextGaussian()).toArray();
    }
}
