package io.dreamloop.bench;

import ai.djl.Device;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.TorchScriptModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scoring throughput of a TorchScript DREAM model through DJL, per batch size: sequences per
 * second, each sequence scored on both strands as the predictor does (two forward passes).
 */
@Command(
        name = "scoring",
        mixinStandardHelpOptions = true,
        description = "Scoring throughput per batch size.")
final class ScoringBench implements Callable<Integer> {

    @Option(
            names = "--model",
            defaultValue = "../shared/data/models/dream_cnn_demo.pt",
            description = "TorchScript model (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(
            names = "--batch-sizes",
            split = ",",
            defaultValue = "1,16,64,256",
            description = "Batch sizes (default ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(
            names = "--sequences",
            defaultValue = "1024",
            description = "Sequences per measurement (default ${DEFAULT-VALUE}).")
    int sequences;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed of the random sequences (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin DeviceOption device = new DeviceOption();

    @Override
    public Integer call() {
        final Device on = device.device();
        final List<DnaSequence> input = randomOligos(sequences, seed);
        System.out.printf(
                "scoring %s on %s (%d CPU threads visible), %,d random 110-bp oligos, both strands%n",
                model.getFileName(), on, Runtime.getRuntime().availableProcessors(), sequences);
        System.out.printf("%10s %12s %14s%n", "batch", "seconds", "sequences/s");
        for (final int batch : batchSizes) {
            final double seconds = secondsToScore(model, input, batch, on);
            System.out.printf("%10d %12.2f %14.1f%n", batch, seconds, sequences / seconds);
        }
        return 0;
    }

    /**
     * Seconds to score {@code input} on both strands with a freshly loaded TorchScript model, after
     * one warm-up batch.
     */
    static double secondsToScore(
            final Path model, final List<DnaSequence> input, final int batch, final Device device) {
        try (ModelScorer scorer =
                new ModelScorer(
                        TorchScriptModels.load(model, device),
                        SequenceEncoding.DREAM_2022,
                        batch)) {
            scorer.score(input.subList(0, Math.min(input.size(), Math.max(batch, 32))));
            final long t0 = System.nanoTime();
            scorer.score(input);
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    static List<DnaSequence> randomOligos(final int n, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<DnaSequence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final char[] bases = new char[80];
            for (int j = 0; j < 80; j++) {
                bases[j] = DnaSequence.BASES.charAt(random.nextInt(4));
            }
            out.add(Flanks.DREAM_2022.wrap(DnaSequence.of(new String(bases))));
        }
        return out;
    }
}
