package io.dreamloop.bench;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.training.DreamDataset;
import io.dreamloop.training.DreamTrainer;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingDefaults;
import io.dreamloop.training.TrainingDivergedException;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingProgress;
import io.dreamloop.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How well, and how fast, the trainer's default run trains on real data: {@code demo_train.txt}
 * split 90/10 by a seeded shuffle, the trainer's defaults ({@link TrainingDefaults}) unless an
 * option changes one, several training seeds on the same split. Per seed it prints the validation r
 * and the wall time (validation included) after every epoch, the best epoch (the one a run keeps),
 * and when r first reached the target; then mean and sd over the seeds. The validation rows are
 * predicted as the predictor predicts (expected bin averaged over both strands). The same recipe
 * beside the PyTorch reference is {@code bench parity}.
 */
@Command(
        name = "quality",
        mixinStandardHelpOptions = true,
        description =
                "Validation Pearson r and wall time of the trainer's default run on demo_train.txt"
                        + " (seeded 90/10 split), over several seeds.")
final class QualityBench implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--architectures",
            split = ",",
            defaultValue = TrainingDefaults.ARCHITECTURE,
            description = "Architectures (default ${DEFAULT-VALUE}, the trainer's).")
    List<String> architectures;

    @Option(
            names = "--size",
            defaultValue = TrainingDefaults.SIZE,
            description = "Model size: paper or cpu (default ${DEFAULT-VALUE}, the trainer's).")
    String size;

    @Option(
            names = "--epochs",
            defaultValue = TrainingDefaults.EPOCHS,
            description = "Epochs (default ${DEFAULT-VALUE}, the trainer's; the paper trains 80).")
    int epochs;

    @Option(
            names = "--batch-size",
            defaultValue = TrainingDefaults.BATCH_SIZE,
            description =
                    "Training batch (default ${DEFAULT-VALUE}, the trainer's; the paper's 1024).")
    int batchSize;

    @Option(
            names = "--max-lr",
            description =
                    "Peak learning rate (default: the recipe's, 0.005, 0.001 for dream-attn).")
    Double maxLr;

    @Option(
            names = "--validation-fraction",
            defaultValue = "0.1",
            description = "Share of rows held out (default ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(
            names = "--data",
            defaultValue = "../shared/data/dream2022/demo_train.txt",
            description = "DREAM-format rows (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--split-seed",
            defaultValue = "42",
            description = "Seed of the 90/10 split (default ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = TrainingDefaults.SEED + ",1,2",
            description = "Training seeds: weights, dropout, shuffles (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(
            names = "--threads",
            description =
                    "Intra-op threads (default: the engine's, one per core, as the trainer runs).")
    Integer threads;

    @Option(
            names = "--target-r",
            defaultValue = "0.60",
            description = "Validation r whose first epoch is reported (default ${DEFAULT-VALUE}).")
    double targetR;

    @Mixin DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws IOException, TrainingCancelledException {
        checkOptions();
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        final DreamDataset.Split split =
                DreamDataset.read(data).split(validationFraction, splitSeed);
        System.out.printf(
                "quality: %s, %,d training rows, %,d validation rows (split seed %d), size %s,"
                        + " %d epochs, batch %d, seeds %s, %s intra-op threads%n",
                data,
                split.train().size(),
                split.validation().size(),
                splitSeed,
                size,
                epochs,
                batchSize,
                seeds,
                threads == null ? "default" : threads);
        System.out.println(
                "the same recipe beside the PyTorch reference: ./dreamloop bench parity");
        final Path storeRoot = Files.createTempDirectory("dreamloop-quality-bench");
        int failures = 0;
        try {
            final ModelStore store = new ModelStore(storeRoot);
            for (final String name : architectures) {
                failures += runSeeds(store, architecture(name), split);
            }
        } finally {
            BenchFiles.deleteTree(storeRoot);
        }
        return failures == 0 ? 0 : 1;
    }

    private void checkOptions() {
        if (!ModelSizes.SIZES.contains(size)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unknown size '%s'; expected one of %s".formatted(size, ModelSizes.SIZES));
        }
        if (epochs < 1 || batchSize < 1 || seeds.isEmpty() || (threads != null && threads < 1)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--epochs, --batch-size and --threads must be >= 1 and --seeds not empty");
        }
    }

    private Architecture architecture(final String name) {
        try {
            return Architecture.fromWireName(name);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Trains one architecture once per seed; returns how many runs diverged. */
    private int runSeeds(
            final ModelStore store, final Architecture architecture, final DreamDataset.Split split)
            throws TrainingCancelledException {
        final Recipe base = recipe(architecture);
        System.out.printf(
                "%n%s %s: %,d parameters, peak lr %s, weight decay %s%n",
                architecture.wireName(),
                size,
                ModelSizes.parameters(architecture, size),
                base.maxLr(),
                base.weightDecay());
        final List<SeedRun> runs = new ArrayList<>();
        int diverged = 0;
        for (final long seed : seeds) {
            try {
                runs.add(runSeed(store, architecture, base.withSeed(seed), split));
            } catch (final TrainingDivergedException e) {
                System.out.printf("seed %d: %s%n", seed, e.getMessage());
                diverged++;
            }
        }
        printSummary(architecture, runs);
        return diverged;
    }

    private Recipe recipe(final Architecture architecture) {
        final Recipe recipe =
                TrainingDefaults.recipe(architecture).withEpochs(epochs).withBatchSize(batchSize);
        return maxLr == null ? recipe : recipe.withMaxLr(maxLr);
    }

    private SeedRun runSeed(
            final ModelStore store,
            final Architecture architecture,
            final Recipe recipe,
            final DreamDataset.Split split)
            throws TrainingCancelledException {
        final TrainingJob job =
                TrainingJob.fromScratch(
                        "quality-%s-%d".formatted(architecture.wireName(), recipe.seed()),
                        architecture,
                        ModelSizes.configuration(architecture, size),
                        recipe);
        System.out.printf(
                "%nseed %d%n%5s %12s %12s %12s %12s %10s%n",
                recipe.seed(), "epoch", "train loss", "val r", "val mse", "examples/s", "minutes");
        final SeedRun run = new SeedRun(recipe.seed(), targetR, System.nanoTime());
        final TrainingResult result =
                new DreamTrainer(store, device.device(), SequenceEncoding.DREAM_2022)
                        .train(job, split.train(), split.validation(), run::epoch, () -> false);
        run.finish(result);
        System.out.println(run);
        return run;
    }

    private void printSummary(final Architecture architecture, final List<SeedRun> runs) {
        final Spread best = Spread.of(runs.stream().mapToDouble(SeedRun::bestR).toArray());
        final Spread minutes = Spread.of(runs.stream().mapToDouble(SeedRun::minutes).toArray());
        final Spread toBest =
                Spread.of(runs.stream().mapToDouble(SeedRun::minutesToBest).toArray());
        final long reached = runs.stream().filter(r -> !Double.isNaN(r.minutesToTarget())).count();
        System.out.printf(
                "%n%s %s over %d seeds: best validation r %s, run %.1f (%.1f) min, best epoch"
                        + " reached after %.1f (%.1f) min; r >= %.2f reached in %d of %d runs%n",
                architecture.wireName(),
                size,
                runs.size(),
                best,
                minutes.mean(),
                minutes.sd(),
                toBest.mean(),
                toBest.sd(),
                targetR,
                reached,
                runs.size());
    }

    /** One seed's run: its epochs as they come, then its best epoch. */
    private static final class SeedRun {
        private final long seed;
        private final double target;
        private final long start;
        private final List<Double> minutesAt = new ArrayList<>();
        private double minutesToTarget = Double.NaN;
        private TrainingResult result;
        private double minutes;

        SeedRun(final long seed, final double target, final long start) {
            this.seed = seed;
            this.target = target;
            this.start = start;
        }

        void epoch(final TrainingProgress progress) {
            if (progress.epoch() < 1 || !progress.validated()) {
                return;
            }
            final double now = (System.nanoTime() - start) / 60e9;
            minutesAt.add(now);
            if (Double.isNaN(minutesToTarget) && progress.validationR() >= target) {
                minutesToTarget = now;
            }
            System.out.printf(
                    "%5d %12.4f %12.4f %12.4f %12.1f %10.1f%n",
                    progress.epoch(),
                    progress.loss(),
                    progress.validationR(),
                    progress.validationMse(),
                    progress.examplesPerSecond(),
                    now);
        }

        void finish(final TrainingResult trained) {
            this.result = trained;
            this.minutes = (System.nanoTime() - start) / 60e9;
        }

        double bestR() {
            return result.best().validationR();
        }

        double minutes() {
            return minutes;
        }

        double minutesToBest() {
            return minutesAt.get(result.bestEpoch() - 1);
        }

        double minutesToTarget() {
            return minutesToTarget;
        }

        @Override
        public String toString() {
            return ("seed %d: best epoch %d, validation r %.4f (start %.4f) after %.1f min; %.1f"
                            + " min in all; r >= %.2f %s; %s steps skipped for non-finite"
                            + " gradients")
                    .formatted(
                            seed,
                            result.bestEpoch(),
                            bestR(),
                            result.initialValidationR(),
                            minutesToBest(),
                            minutes,
                            target,
                            Double.isNaN(minutesToTarget)
                                    ? "not reached"
                                    : "first after %.1f min".formatted(minutesToTarget),
                            result.manifest().lineage().getOrDefault("skippedSteps", "?"));
        }
    }
}
