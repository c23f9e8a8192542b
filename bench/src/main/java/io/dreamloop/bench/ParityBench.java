package io.dreamloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.training.DreamDataset;
import io.dreamloop.training.DreamTrainer;
import io.dreamloop.training.EpochSummary;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingDefaults;
import io.dreamloop.training.TrainingExample;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The Java models beside the project's PyTorch reference, in one run: the same split of {@code
 * demo_train.txt} (90/10, seed 42), the same size, recipe, batch, epochs and threads, several seeds
 * each. Prints the trainable parameters of both at both sizes (they must be equal), the validation
 * r per epoch and the best epoch's (mean and spread over seeds) of both with the difference, and
 * training examples/s and inference sequences/s of both with the ratio.
 */
@Command(
        name = "parity",
        mixinStandardHelpOptions = true,
        description =
                "Java (DJL) models against the PyTorch reference: parameters, validation r per"
                        + " epoch over seeds, training and inference speed, in the same run.")
final class ParityBench implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--architectures",
            split = ",",
            defaultValue = "dream-cnn,dream-rnn,dream-attn",
            description = "Architectures (default ${DEFAULT-VALUE}).")
    List<String> architectures;

    @Option(
            names = "--size",
            defaultValue = "cpu",
            description = "Model size trained: paper or cpu (default ${DEFAULT-VALUE}).")
    String size;

    @Option(
            names = "--epochs",
            defaultValue = "6",
            description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--batch-size",
            defaultValue = TrainingDefaults.BATCH_SIZE,
            description = "Training batch (default ${DEFAULT-VALUE}, the trainer's).")
    int batchSize;

    @Option(
            names = "--max-lr",
            description =
                    "Peak learning rate (default: the recipe's, 0.005, 0.001 for dream-attn).")
    Double maxLr;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = "1,2,3",
            description = "Seeds of weights and shuffles (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(
            names = "--split-seed",
            defaultValue = "42",
            description = "Seed of the 90/10 split (default ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "Intra-op threads of both engines (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--inference-batches",
            split = ",",
            defaultValue = "16,64,256,1024",
            description = "Batch sizes of the inference timing (default ${DEFAULT-VALUE}).")
    List<Integer> inferenceBatches;

    @Option(
            names = "--data",
            defaultValue = "../shared/data/dream2022/demo_train.txt",
            description = "DREAM-format rows (default ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws IOException, TrainingCancelledException {
        validate();
        // Before the engine loads: DJL reads it once.
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        final DreamDataset.Split split = DreamDataset.read(data).split(0.1, splitSeed);
        final Path work = Files.createTempDirectory("dreamloop-parity");
        try {
            final Path train = work.resolve("train.txt");
            final Path validation = work.resolve("validation.txt");
            writeRows(train, split.train());
            writeRows(validation, split.validation());
            printHeader(split);
            final Optional<TorchReference> reference = TorchReference.find(System.out::println);
            boolean countsEqual = true;
            if (reference.isPresent()) {
                countsEqual = ParityCounts.print(reference.get());
            }
            final List<ParityReport> reports = new ArrayList<>();
            final ModelStore store = new ModelStore(work.resolve("models"));
            for (final String name : architectures) {
                final Architecture architecture = Architecture.fromWireName(name);
                reports.add(compare(architecture, store, split, train, validation, reference));
            }
            ParityReport.printSummary(reports, size, epochs, batchSize, seeds.size());
            if (reference.isEmpty()) {
                System.out.println("reference: not run; " + TorchReference.HOW_TO_GET);
            }
            return countsEqual ? 0 : 1;
        } finally {
            BenchFiles.deleteTree(work);
        }
    }

    private void printHeader(final DreamDataset.Split split) {
        System.out.printf(
                "parity: %s, %,d training rows, %,d validation rows (split seed %d), size %s,"
                        + " %d epochs, batch %d, seeds %s, %d intra-op threads each%n",
                data,
                split.train().size(),
                split.validation().size(),
                splitSeed,
                size,
                epochs,
                batchSize,
                seeds,
                threads);
    }

    private void validate() {
        for (final String name : architectures) {
            try {
                Architecture.fromWireName(name);
            } catch (final IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (!ModelSizes.SIZES.contains(size)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unknown size '%s'; expected one of %s".formatted(size, ModelSizes.SIZES));
        }
        if (epochs < 1 || batchSize < 1 || threads < 1 || seeds.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--epochs, --batch-size and --threads must be >= 1 and --seeds not empty");
        }
    }

    /** Trains one architecture with every seed in Java and in PyTorch and times inference. */
    private ParityReport compare(
            final Architecture architecture,
            final ModelStore store,
            final DreamDataset.Split split,
            final Path train,
            final Path validation,
            final Optional<TorchReference> reference)
            throws TrainingCancelledException {
        final Recipe base = Recipe.dream(architecture);
        final double lr = maxLr == null ? base.maxLr() : maxLr;
        final String config = ParityCounts.configJson(ModelSizes.configuration(architecture, size));
        System.out.printf(
                "%n%s %s: peak lr %s, weight decay %s%n",
                architecture.wireName(), size, lr, base.weightDecay());
        final ParityReport report = new ParityReport(architecture.wireName());
        for (final long seed : seeds) {
            final Recipe recipe =
                    base.withEpochs(epochs)
                            .withBatchSize(batchSize)
                            .withMaxLr(lr)
                            .withValidationBatchSize(1024)
                            .withSeed(seed);
            report.addJava(seed, trainJava(architecture, store, split, recipe));
            reference.ifPresent(
                    torch ->
                            report.addTorch(
                                    seed,
                                    torch.run(
                                            torchTrainArgs(
                                                    architecture,
                                                    config,
                                                    train,
                                                    validation,
                                                    recipe),
                                            line -> printTorchEpoch(seed, line))));
        }
        report.printEpochs();
        compareInference(architecture, config, reference, report);
        return report;
    }

    /** The reference's command line that trains with {@code recipe}, as the Java side does. */
    private List<String> torchTrainArgs(
            final Architecture architecture,
            final String config,
            final Path train,
            final Path validation,
            final Recipe recipe) {
        return List.of(
                "train",
                "--architecture",
                architecture.wireName(),
                "--config",
                config,
                "--train",
                train.toString(),
                "--validation",
                validation.toString(),
                "--epochs",
                Integer.toString(epochs),
                "--batch-size",
                Integer.toString(batchSize),
                "--max-lr",
                Double.toString(recipe.maxLr()),
                "--weight-decay",
                Double.toString(recipe.weightDecay()),
                "--seed",
                Long.toString(recipe.seed()),
                "--threads",
                Integer.toString(threads),
                "--validation-batch-size",
                "1024");
    }

    /** Times inference in Java and, if present, in the reference; adds and prints both. */
    private void compareInference(
            final Architecture architecture,
            final String config,
            final Optional<TorchReference> reference,
            final ParityReport report) {
        final Map<Integer, Double> java =
                ParityInference.java(
                        architecture,
                        ModelSizes.configuration(architecture, size),
                        inferenceBatches);
        final Map<Integer, Double> torch =
                reference
                        .map(
                                t ->
                                        ParityInference.torch(
                                                t, architecture, config, inferenceBatches, threads))
                        .orElse(Map.of());
        report.inference(java, torch);
        report.printInference();
    }

    private List<EpochSummary> trainJava(
            final Architecture architecture,
            final ModelStore store,
            final DreamDataset.Split split,
            final Recipe recipe)
            throws TrainingCancelledException {
        final TrainingJob job =
                TrainingJob.fromScratch(
                        "parity-%s-%d".formatted(architecture.wireName(), recipe.seed()),
                        architecture,
                        ModelSizes.configuration(architecture, size),
                        recipe);
        final TrainingResult result =
                new DreamTrainer(store)
                        .train(
                                job,
                                split.train(),
                                split.validation(),
                                progress -> {
                                    if (progress.validated()) {
                                        System.out.printf(
                                                "  java    seed %d epoch %2d: val r %.4f, %.0f"
                                                        + " examples/s%n",
                                                recipe.seed(),
                                                progress.epoch(),
                                                progress.validationR(),
                                                progress.examplesPerSecond());
                                    }
                                },
                                () -> false);
        final List<EpochSummary> epochs = new ArrayList<>();
        epochs.add(new EpochSummary(0, Double.NaN, result.initialValidationR(), 0, 0, 0));
        epochs.addAll(result.history());
        return epochs;
    }

    private static void printTorchEpoch(final long seed, final JsonNode line) {
        if ("epoch".equals(line.path("event").asText())) {
            System.out.printf(
                    "  pytorch seed %d epoch %2d: val r %.4f, %.0f examples/s%n",
                    seed,
                    line.get("epoch").asInt(),
                    TorchReference.number(line, "val_r"),
                    TorchReference.number(line, "examples_per_s"));
        }
    }

    /** DREAM format, as the reference reads it: sequence TAB value, one row a line. */
    private static void writeRows(final Path file, final DreamDataset rows) throws IOException {
        final StringBuilder out = new StringBuilder();
        for (final TrainingExample row : rows.rows()) {
            out.append(row.sequence().bases()).append('\t').append(row.value()).append('\n');
        }
        Files.writeString(file, out);
    }
}
