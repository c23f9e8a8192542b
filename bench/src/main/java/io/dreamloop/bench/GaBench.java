package io.dreamloop.bench;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.deploy.LocalStack;
import io.dreamloop.designer.ga.DesignSpace;
import io.dreamloop.designer.ga.Direction;
import io.dreamloop.designer.ga.GaSettings;
import io.dreamloop.designer.ga.GenerationStats;
import io.dreamloop.designer.ga.HighLowDesign;
import io.dreamloop.designer.ga.SequenceScorer;
import io.dreamloop.designer.service.PredictorScorer;
import io.dreamloop.predictor.client.PredictorClient;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.TorchScriptModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The high/low GA (Vaishnav operators) with the same seed and settings, scored in-process by the
 * model and through the packaged predictor over Kafka: generations per second, sequences scored per
 * second, their ratio (the orchestration overhead), and how far the objective moves from the random
 * start per generation (mean and top decile).
 */
@Command(
        name = "ga",
        mixinStandardHelpOptions = true,
        description = "High/low GA: in-process vs through the predictor over Kafka.")
final class GaBench implements Callable<Integer> {

    @Option(
            names = "--model",
            defaultValue = "../shared/data/models/dream_cnn_demo.pt",
            description = "TorchScript model (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(
            names = "--population",
            defaultValue = "1000",
            description = "Population (default ${DEFAULT-VALUE}; the published preset is 100,000).")
    int population;

    @Option(
            names = "--generations",
            defaultValue = "5",
            description = "Generations (default ${DEFAULT-VALUE}; the published preset is 10).")
    int generations;

    @Option(
            names = "--batch-size",
            defaultValue = "256",
            description = "Forward-pass batch size, both paths (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--root", defaultValue = ".", description = "Repository root.")
    Path root;

    @Mixin DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        final Path repo = root.toAbsolutePath().normalize();
        final GaSettings settings =
                GaSettings.vaishnav().withPopulationSize(population).withGenerations(generations);
        System.out.printf(
                "High GA (Vaishnav operators), population %,d, %d generations, seed %d, model %s%n",
                population, generations, seed, model.getFileName());
        final List<GenerationStats> inProcess = inProcess(settings);
        final List<GenerationStats> viaKafka = viaKafka(repo, settings);
        print("in-process (DJL)", inProcess);
        print("through the predictor over Kafka", viaKafka);
        final double a = scoredPerSecond(inProcess);
        final double b = scoredPerSecond(viaKafka);
        System.out.printf(
                "%nsequences scored/s: in-process %.1f, over Kafka %.1f, ratio %.2f%n",
                a, b, b / a);
        System.out.printf(
                "generations/s:      in-process %.3f, over Kafka %.3f%n",
                perSecond(inProcess), perSecond(viaKafka));
        return 0;
    }

    /** The GA scored by the model in this process, after a warm-up batch. */
    private List<GenerationStats> inProcess(final GaSettings settings) {
        try (ModelScorer scorer =
                new ModelScorer(
                        TorchScriptModels.load(model.toAbsolutePath(), device.device()),
                        SequenceEncoding.DREAM_2022,
                        batchSize)) {
            final SequenceScorer oligos = oligos(scorer);
            // Warm up (first forward passes load and compile) so both paths are timed warm.
            oligos.score(
                    ScoringBench.randomOligos(batchSize, seed).stream()
                            .map(Flanks.DREAM_2022::unwrap)
                            .toList());
            return run(oligos, settings);
        }
    }

    /** The model's ensemble mean of each variable region, wrapped in the DREAM flanks. */
    private static SequenceScorer oligos(final ModelScorer scorer) {
        return variables -> {
            final float[] mean =
                    scorer.score(variables.stream().map(Flanks.DREAM_2022::wrap).toList()).mean();
            final double[] out = new double[mean.length];
            for (int i = 0; i < mean.length; i++) {
                out[i] = mean[i];
            }
            return new double[][] {out};
        };
    }

    private List<GenerationStats> run(final SequenceScorer scorer, final GaSettings settings) {
        final List<GenerationStats> stats = new ArrayList<>();
        new HighLowDesign(
                        scorer,
                        List.of("model"),
                        "model",
                        new DesignSpace(80, Flanks.DREAM_2022, LibraryConstraints.NONE),
                        settings)
                .design(Direction.HIGH, 10, seed, Set.of(), stats::add);
        return stats;
    }

    private List<GenerationStats> viaKafka(final Path repo, final GaSettings settings)
            throws Exception {
        try (LocalStack stack = PredictorStack.start(repo, model, batchSize)) {
            try (PredictorClient client = PredictorClient.connect(stack.bootstrap(), "bench")) {
                final PredictorScorer scorer =
                        new PredictorScorer(
                                client,
                                Flanks.DREAM_2022,
                                Arrays.asList((String) null),
                                256,
                                Duration.ofMinutes(30));
                scorer.score(
                        ScoringBench.randomOligos(batchSize, seed).stream()
                                .map(Flanks.DREAM_2022::unwrap)
                                .toList());
                return run(scorer, settings);
            }
        }
    }

    private static void print(final String path, final List<GenerationStats> stats) {
        System.out.printf("%n%s%n", path);
        System.out.printf(
                "%-11s %12s %14s %12s %12s%n",
                "generation", "mean", "top decile", "scored", "seconds");
        final double start = stats.getFirst().mean();
        final double startTop = stats.getFirst().topDecile();
        double seconds = 0;
        for (final GenerationStats s : stats) {
            seconds += s.elapsedNanos() / 1e9;
            System.out.printf(
                    "%-11d %7.3f %+5.2f %8.3f %+5.2f %12d %12.1f%n",
                    s.generation(),
                    s.mean(),
                    s.mean() - start,
                    s.topDecile(),
                    s.topDecile() - startTop,
                    s.scored(),
                    seconds);
        }
    }

    private static double scoredPerSecond(final List<GenerationStats> stats) {
        return stats.stream().mapToLong(GenerationStats::scored).sum()
                / (stats.stream().mapToLong(GenerationStats::elapsedNanos).sum() / 1e9);
    }

    /** Generations after the random start, per second of their wall time. */
    private static double perSecond(final List<GenerationStats> stats) {
        final List<GenerationStats> evolved =
                stats.stream().filter(s -> s.generation() > 0).toList();
        return evolved.size()
                / (evolved.stream().mapToLong(GenerationStats::elapsedNanos).sum() / 1e9);
    }
}
