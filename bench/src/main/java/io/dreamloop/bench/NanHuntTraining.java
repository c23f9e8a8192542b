package io.dreamloop.bench;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.training.DreamDataset;
import io.dreamloop.training.DreamTrainer;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingDivergedException;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingProgress;
import io.dreamloop.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * The trainer's own short run (weights moving, new arrays every step) repeated from the same seed,
 * every step's loss compared bit for bit with the first run's. One fixed batch with fixed weights
 * was bit-identical over hundreds of passes, yet training runs drifted and now and then skipped a
 * step: the cause was DJL's number arithmetic, whose backward read freed memory when a garbage
 * collection fell between the forward and the backward pass ({@code Scalars}). {@code
 * --gc-every-ms} makes such collections frequent, so a run shows within seconds whether any of it
 * is left. When a step is skipped, the trainer's log names the parameters whose gradients were not
 * finite (input first): the last of them names the operation whose backward produced them.
 */
final class NanHuntTraining {
    private final Architecture architecture;
    private final String size;
    private final int batch;
    private final long seed;

    NanHuntTraining(
            final Architecture architecture, final String size, final int batch, final long seed) {
        this.architecture = architecture;
        this.size = size;
        this.batch = batch;
        this.seed = seed;
    }

    /**
     * Trains {@code runs} times and prints per run the skipped steps and the first step whose loss
     * differs from the first run's.
     *
     * @return the runs with a skipped step or a divergence
     */
    int repeat(final Path data, final int rows, final int epochs, final int runs)
            throws IOException {
        final DreamDataset.Split split = DreamDataset.read(data).sample(rows, 7).split(0.1, 42);
        final Recipe recipe =
                Recipe.dream(architecture)
                        .withBatchSize(batch)
                        .withValidationBatchSize(256)
                        .withEpochs(epochs)
                        .withSeed(seed);
        System.out.printf(
                "training runs: %s %s, %d training rows, batch %d, %d epochs, seed %d, %d runs%n",
                architecture.wireName(), size, split.train().size(), batch, epochs, seed, runs);
        System.out.printf(
                "%4s %8s %8s %10s %-40s %10s%n",
                "run", "steps", "skipped", "best r", "first drift", "seconds");
        final Path root = Files.createTempDirectory("dreamloop-nan-hunt");
        TreeMap<Long, Double> first = null;
        int bad = 0;
        int drifted = 0;
        try {
            final ModelStore store = new ModelStore(root);
            for (int run = 1; run <= runs; run++) {
                final Run result = train(store, recipe, split, run);
                if (first == null) {
                    first = result.losses;
                }
                final long drift = run == 1 ? -1 : firstDifference(first, result.losses);
                drifted += drift >= 0 ? 1 : 0;
                bad += result.skipped != 0 ? 1 : 0;
                printRun(run, result, drift, first);
            }
        } finally {
            BenchFiles.deleteTree(root);
        }
        System.out.printf(
                "%d of %d runs skipped a step or diverged; %d of %d runs drifted from run 1%n",
                bad, runs, drifted, runs - 1);
        return bad;
    }

    private record Run(TreeMap<Long, Double> losses, long skipped, double bestR, double seconds) {}

    /** One run's line: steps, skipped steps, best r and where it first drifted from run 1. */
    private static void printRun(
            final int run, final Run result, final long drift, final TreeMap<Long, Double> first) {
        System.out.printf(
                "%4d %8d %8s %10.4f %-40s %10.1f%n",
                run,
                result.losses.size(),
                result.skipped < 0 ? "diverged" : Long.toString(result.skipped),
                result.bestR,
                drift < 0 ? "none" : describe(drift, first, result.losses),
                result.seconds);
    }

    private Run train(
            final ModelStore store,
            final Recipe recipe,
            final DreamDataset.Split split,
            final int run) {
        final TreeMap<Long, Double> losses = new TreeMap<>();
        final TrainingJob job =
                TrainingJob.fromScratch(
                        "nan-hunt-%d".formatted(run),
                        architecture,
                        ModelSizes.configuration(architecture, size),
                        recipe);
        final long start = System.nanoTime();
        try {
            final TrainingResult result =
                    new DreamTrainer(store)
                            .train(
                                    job,
                                    split.train(),
                                    split.validation(),
                                    p -> record(p, losses),
                                    () -> false);
            final long skipped =
                    Long.parseLong(result.manifest().lineage().getOrDefault("skippedSteps", "0"));
            return new Run(
                    losses, skipped, result.bestValidationR(), (System.nanoTime() - start) / 1e9);
        } catch (final TrainingDivergedException e) {
            System.out.printf("run %d: %s%n", run, e.getMessage());
            return new Run(losses, -1, Double.NaN, (System.nanoTime() - start) / 1e9);
        } catch (final TrainingCancelledException e) {
            throw new IllegalStateException("cannot happen: nothing cancels this run", e);
        }
    }

    private static void record(final TrainingProgress progress, final TreeMap<Long, Double> out) {
        if (progress.epoch() >= 1 && !progress.validated()) {
            out.put(progress.step(), progress.loss());
        }
    }

    /** The first step whose loss is not bit-identical (or missing in only one run), or -1. */
    private static long firstDifference(
            final TreeMap<Long, Double> reference, final TreeMap<Long, Double> losses) {
        final long last = Math.max(lastKey(reference), lastKey(losses));
        for (long step = 1; step <= last; step++) {
            final Double a = reference.get(step);
            final Double b = losses.get(step);
            if (a == null && b == null) {
                continue; // skipped in both
            }
            if (a == null
                    || b == null
                    || Double.doubleToLongBits(a) != Double.doubleToLongBits(b)) {
                return step;
            }
        }
        return -1;
    }

    /** The drift step with both losses, "missing" where a run skipped it. */
    private static String describe(
            final long step,
            final TreeMap<Long, Double> reference,
            final TreeMap<Long, Double> losses) {
        return "step %d: %s vs %s".formatted(step, loss(reference, step), loss(losses, step));
    }

    private static String loss(final TreeMap<Long, Double> losses, final long step) {
        final Double value = losses.get(step);
        return value == null ? "missing" : Double.toString(value);
    }

    private static long lastKey(final TreeMap<Long, Double> map) {
        return map.isEmpty() ? 0 : map.lastKey();
    }
}
