package io.dreamloop.bench;

import io.dreamloop.deploy.FoundationChain;
import io.dreamloop.deploy.LocalStack;
import io.dreamloop.deploy.MainJob;
import io.dreamloop.deploy.ServiceProcess;
import io.dreamloop.deploy.ServiceSpec;
import io.dreamloop.deploy.TrainStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A large library through every stage of the loop with the four packaged services and a real
 * broker: design, delivery to lab-ingest, the in-silico sort and sequencing with MAUDE and
 * bin-weighted-mean estimation, delivery of the measurements to the trainer, and a training run on
 * all of them. Prints seconds and items per second per stage and each service's peak resident
 * memory.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description =
                "A 100,000-sequence library through design, sort-seq, ingest and training: throughput per stage and peak memory.")
final class LoadBench implements Callable<Integer> {

    @Option(
            names = "--sequences",
            defaultValue = "100000",
            description = "Library size (default ${DEFAULT-VALUE}).")
    int sequences;

    @Option(
            names = "--epochs",
            defaultValue = "1",
            description = "Training epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed of the library (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--root", defaultValue = ".", description = "Repository root.")
    Path root;

    @Override
    public Integer call() throws IOException {
        final Path repo = root.toAbsolutePath().normalize();
        final Path runDir = repo.resolve(".run/bench-load");
        BenchFiles.deleteTree(runDir.resolve("data"));
        final String libraryId = "lib-load-" + sequences;
        try (LocalStack stack =
                LocalStack.start(
                        repo,
                        runDir,
                        39192,
                        null,
                        ServiceSpec.defaults(38181),
                        spec -> MainJob.embeddedProperties(repo, runDir, epochs),
                        line -> System.out.println("  " + line))) {
            final long t0 = System.nanoTime();
            final Map<String, double[]> stages = runStages(stack, libraryId);
            final double total = (System.nanoTime() - t0) / 1e9;
            printStages(total, stages);
            printMemory(stack);
        }
        return 0;
    }

    /** Runs the loop once; per stage (in order) its seconds and its items. */
    private Map<String, double[]> runStages(final LocalStack stack, final String libraryId)
            throws IOException {
        final Map<String, double[]> stages = new LinkedHashMap<>();
        final FoundationChain.Result designed =
                FoundationChain.run(stack, libraryId, sequences, seed, System.out);
        stages.put("design (designer)", new double[] {designed.designSeconds(), sequences});
        stages.put(
                "delivery to lab-ingest (library-designed)",
                new double[] {designed.deliverySeconds(), sequences});
        final long t1 = System.nanoTime();
        final long measured =
                FoundationChain.awaitMeasurements(stack, libraryId, sequences, System.out);
        stages.put(
                "sort-seq, MAUDE + bin-weighted mean, to trainer (values)",
                new double[] {(System.nanoTime() - t1) / 1e9, measured});
        train(stack, stages);
        return stages;
    }

    /** The training stage; a failure is reported with the stages that ran, not thrown. */
    private void train(final LocalStack stack, final Map<String, double[]> stages)
            throws IOException {
        final long t2 = System.nanoTime();
        String trainingFailure = null;
        try {
            TrainStep.run(stack, System.out);
        } catch (final IllegalStateException e) {
            // Report the stages that ran and the memory; the failure is part of the result.
            trainingFailure = e.getMessage();
        }
        stages.put(
                "training (%d epoch, both strands, held-out scoring)%s"
                        .formatted(epochs, trainingFailure == null ? "" : " FAILED"),
                new double[] {(System.nanoTime() - t2) / 1e9, sequences});
        if (trainingFailure != null) {
            System.out.println("  training failed: " + trainingFailure);
        }
    }

    private void printStages(final double total, final Map<String, double[]> stages) {
        System.out.printf(
                "%nload: %,d sequences through the loop in %.0f s%n%-55s %10s %12s%n",
                sequences, total, "stage", "seconds", "items/s");
        stages.forEach(
                (stage, v) ->
                        System.out.printf("%-55s %10.1f %,12.0f%n", stage, v[0], v[1] / v[0]));
    }

    private static void printMemory(final LocalStack stack) {
        System.out.printf("%npeak resident memory per service:%n");
        for (final ServiceProcess service : stack.services()) {
            System.out.printf(
                    "  %-12s %,8.0f MiB%n",
                    service.spec().name(), service.peakResidentBytes() / 1048576.0);
        }
    }
}
