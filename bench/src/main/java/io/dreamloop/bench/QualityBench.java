package io.dreamloop.bench;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.training.DreamDataset;
import io.dreamloop.predictor.model.training.DreamTrainer;
import io.dreamloop.predictor.model.training.EpochSummary;
import io.dreamloop.predictor.model.training.Recipe;
import io.dreamloop.predictor.model.training.TrainingCancelledException;
import io.dreamloop.predictor.model.training.TrainingDivergedException;
import io.dreamloop.predictor.model.training.TrainingJob;
import io.dreamloop.predictor.model.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How well the DREAM recipe trains on real data: the architectures are trained on {@code
 * demo_train.txt} split 90/10 by a seeded shuffle, and the validation Pearson r is printed after
 * every epoch, with the best epoch's r (the one a run keeps). The validation rows are predicted as
 * the predictor predicts (expected bin averaged over both strands). Same seed, same split, same
 * initial weights and shuffles for every architecture.
 */
@Command(
        name = "quality",
        mixinStandardHelpOptions = true,
        description =
                "Validation Pearson r of the DREAM recipe on demo_train.txt (seeded 90/10 split).")
final class QualityBench implements Callable<Integer> {

    private static final String REFERENCE =
            "reference: the PyTorch recipe at paper size reaches about 0.64-0.65 on such a split"
                    + " (on a GPU)";

    @Spec CommandSpec spec;

    @Option(
            names = "--architectures",
            split = ",",
            defaultValue = "dream-cnn",
            description = "Architectures (default ${DEFAULT-VALUE}).")
    List<String> architectures;

    @Option(
            names = "--size",
            defaultValue = "cpu",
            description = "Model size: paper or cpu (default ${DEFAULT-VALUE}).")
    String size;

    @Option(
            names = "--epochs",
            defaultValue = "20",
            description = "Epochs (default ${DEFAULT-VALUE}; the paper trains 80).")
    int epochs;

    @Option(
            names = "--batch-size",
            defaultValue = "1024",
            description = "Training batch (default ${DEFAULT-VALUE}, the recipe's).")
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
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the split, weights and shuffles (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException, TrainingCancelledException {
        if (!ModelSizes.SIZES.contains(size)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unknown size '%s'; expected one of %s".formatted(size, ModelSizes.SIZES));
        }
        final DreamDataset.Split split = DreamDataset.read(data).split(validationFraction, seed);
        System.out.printf(
                "quality: %s, %,d training rows, %,d validation rows (seed %d), size %s,"
                        + " %d epochs, batch %d%n",
                data,
                split.train().size(),
                split.validation().size(),
                seed,
                size,
                epochs,
                batchSize);
        System.out.println(REFERENCE);
        final Path storeRoot = Files.createTempDirectory("dreamloop-quality-bench");
        int failures = 0;
        try {
            final ModelStore store = new ModelStore(storeRoot);
            for (final String name : architectures) {
                if (!run(store, architecture(name), split)) {
                    failures++;
                }
            }
        } finally {
            BenchFiles.deleteTree(storeRoot);
        }
        return failures == 0 ? 0 : 1;
    }

    private Architecture architecture(final String name) {
        try {
            return Architecture.fromWireName(name);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Trains one architecture and prints its epochs; false when the run diverged. */
    private boolean run(
            final ModelStore store, final Architecture architecture, final DreamDataset.Split split)
            throws TrainingCancelledException {
        Recipe recipe =
                Recipe.dream(architecture)
                        .withEpochs(epochs)
                        .withBatchSize(batchSize)
                        .withValidationBatchSize(1024)
                        .withSeed(seed);
        if (maxLr != null) {
            recipe = recipe.withMaxLr(maxLr);
        }
        final TrainingJob job =
                TrainingJob.fromScratch(
                        "quality-" + architecture.wireName(),
                        architecture,
                        ModelSizes.configuration(architecture, size),
                        recipe);
        System.out.printf(
                "%n%s %s: %,d parameters, peak lr %s, weight decay %s%n",
                architecture.wireName(),
                size,
                ModelSizes.parameters(architecture, size),
                recipe.maxLr(),
                recipe.weightDecay());
        System.out.printf(
                "%5s %12s %12s %12s %12s%n",
                "epoch", "train loss", "val r", "val mse", "examples/s");
        final long start = System.nanoTime();
        final TrainingResult result;
        try {
            result =
                    new DreamTrainer(store)
                            .train(
                                    job,
                                    split.train(),
                                    split.validation(),
                                    progress -> {
                                        if (progress.epoch() > 0 && progress.validated()) {
                                            System.out.printf(
                                                    "%5d %12.4f %12.4f %12.4f %12.1f%n",
                                                    progress.epoch(),
                                                    progress.loss(),
                                                    progress.validationR(),
                                                    progress.validationMse(),
                                                    progress.examplesPerSecond());
                                        }
                                    },
                                    () -> false);
        } catch (final TrainingDivergedException e) {
            System.out.printf("%s %s: %s%n", architecture.wireName(), size, e.getMessage());
            return false;
        }
        final double minutes = (System.nanoTime() - start) / 60e9;
        final EpochSummary best = result.best();
        System.out.printf(
                "%s %s: best epoch %d of %d, validation r %.4f (start %.4f), %.1f min in all%n",
                architecture.wireName(),
                size,
                result.bestEpoch(),
                epochs,
                best.validationR(),
                result.initialValidationR(),
                minutes);
        return true;
    }
}
