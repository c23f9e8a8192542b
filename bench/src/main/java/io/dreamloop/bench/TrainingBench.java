package io.dreamloop.bench;

import ai.djl.engine.Engine;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.training.DreamDataset;
import io.dreamloop.training.DreamTrainer;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Training throughput of DREAM-CNN, DREAM-RNN and DREAM-Attn with the DREAM recipe (KL loss on soft
 * bins, AdamW on the one-cycle schedule, both strands) through {@link DreamTrainer}, at paper and
 * CPU size, on real rows of {@code demo_train.txt}. The first batch is a warm-up; the rate is
 * measured between the end of the first and the end of the last batch, from the trainer's own
 * progress reports, so validation and storing are excluded. Each strand counts as one example, as
 * the reference's data set holds the reverse complements as rows of their own.
 */
@Command(
        name = "training",
        mixinStandardHelpOptions = true,
        description =
                "Training examples/s of DREAM-CNN, DREAM-RNN and DREAM-Attn, paper and CPU size,"
                        + " next to the PyTorch reference.")
final class TrainingBench implements Callable<Integer> {

    private static final double REFERENCE_SECONDS = 3;

    private static final String ROW_HEADER = "%-11s %-6s %12s %6s %8s %10s %12s %10s%n";
    private static final String ROW = "%-11s %-6s %,12d %6d %8d %10.1f %12.1f %10.4f%n";

    @Spec CommandSpec spec;

    @Option(
            names = "--architectures",
            split = ",",
            defaultValue = "dream-cnn,dream-rnn,dream-attn",
            description = "Architectures (default ${DEFAULT-VALUE}).")
    List<String> architectures;

    @Option(
            names = "--sizes",
            split = ",",
            defaultValue = "paper,cpu",
            description = "Model sizes: paper, cpu (default ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(
            names = "--batch-size",
            defaultValue = "256",
            description = "Training batch (default ${DEFAULT-VALUE}, the reference's measurement).")
    int batchSize;

    @Option(
            names = "--batches",
            defaultValue = "4",
            description =
                    "Batches per measurement, the first of them a warm-up (default ${DEFAULT-VALUE}).")
    int batches;

    @Option(
            names = "--cpu-batches",
            defaultValue = "12",
            description = "Batches per measurement at CPU size (default ${DEFAULT-VALUE}).")
    int cpuBatches;

    @Option(
            names = "--data",
            defaultValue = "../shared/data/dream2022/demo_train.txt",
            description = "DREAM-format rows to train on (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the weights, shuffles and sample (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws IOException, TrainingCancelledException {
        validate();
        final DreamDataset all = DreamDataset.read(data);
        printHeader(all.size());
        final Map<String, Double> ours = new LinkedHashMap<>();
        final Path storeRoot = Files.createTempDirectory("dreamloop-training-bench");
        try {
            final ModelStore store = new ModelStore(storeRoot);
            for (final String name : architectures) {
                final Architecture architecture = Architecture.fromWireName(name);
                for (final String size : sizes) {
                    ours.put(name + " " + size, measure(store, all, architecture, size));
                }
            }
        } finally {
            BenchFiles.deleteTree(storeRoot);
        }
        printReference(ours);
        return 0;
    }

    private void validate() {
        for (final String name : architectures) {
            try {
                Architecture.fromWireName(name);
            } catch (final IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        for (final String size : sizes) {
            if (!ModelSizes.SIZES.contains(size)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "unknown size '%s'; expected one of %s".formatted(size, ModelSizes.SIZES));
            }
        }
        if (batchSize < 1 || batches < 2 || cpuBatches < 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "need --batch-size >= 1 and at least 2 batches (one is a warm-up), but got"
                            + " batch %d, batches %d, cpu batches %d"
                                    .formatted(batchSize, batches, cpuBatches));
        }
    }

    private void printHeader(final int rows) {
        final Engine engine = Engine.getInstance();
        System.out.printf(
                "training: %s %s on cpu, %d CPU threads visible, %s (%,d rows), DREAM recipe,"
                        + " batch %d, seed %d; each strand is one example%n",
                engine.getEngineName(),
                engine.getVersion(),
                Runtime.getRuntime().availableProcessors(),
                data,
                rows,
                batchSize,
                seed);
        System.out.printf(
                ROW_HEADER,
                "architecture",
                "size",
                "params",
                "batch",
                "examples",
                "seconds",
                "examples/s",
                "last loss");
    }

    /**
     * Trains one epoch over just enough rows for the batches wanted and returns examples per second
     * after the warm-up batch.
     */
    private double measure(
            final ModelStore store,
            final DreamDataset all,
            final Architecture architecture,
            final String size)
            throws TrainingCancelledException {
        final List<BatchEnd> batchEnds =
                trainOneEpoch(store, sample(all, size), architecture, size);
        final BatchEnd first = batchEnds.getFirst();
        final BatchEnd last = batchEnds.getLast();
        final int examples = (int) (last.step() - first.step()) * batchSize;
        final double seconds = (last.nanos() - first.nanos()) / 1e9;
        final double rate = examples / seconds;
        System.out.printf(
                ROW,
                architecture.wireName(),
                size,
                ModelSizes.parameters(architecture, size),
                batchSize,
                examples,
                seconds,
                rate,
                last.loss());
        return rate;
    }

    /** Just enough rows for the batches wanted at {@code size}, and 2 for validation. */
    private DreamDataset.Split sample(final DreamDataset all, final String size) {
        final int steps = "paper".equals(size) ? batches : cpuBatches;
        final int rows = steps * batchSize / DreamDataset.STRANDS;
        if (rows + 2 > all.size()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "%s has %d rows, fewer than the %d this measurement needs"
                            .formatted(data, all.size(), rows + 2));
        }
        return all.sample(rows + 2, seed).split(2.0 / (rows + 2), seed);
    }

    /** Trains one epoch on {@code split} and returns when each training batch ended. */
    private List<BatchEnd> trainOneEpoch(
            final ModelStore store,
            final DreamDataset.Split split,
            final Architecture architecture,
            final String size)
            throws TrainingCancelledException {
        final Recipe recipe =
                Recipe.dream(architecture)
                        .withEpochs(1)
                        .withBatchSize(batchSize)
                        .withValidationBatchSize(batchSize)
                        .withSeed(seed);
        final TrainingJob job =
                TrainingJob.fromScratch(
                        "bench-" + architecture.wireName() + "-" + size,
                        architecture,
                        ModelSizes.configuration(architecture, size),
                        recipe);
        final List<BatchEnd> batchEnds = new ArrayList<>();
        new DreamTrainer(store, device.device(), SequenceEncoding.DREAM_2022)
                .train(
                        job,
                        split.train(),
                        split.validation(),
                        (TrainingProgress p) -> {
                            if (p.epoch() == 1 && !p.validated()) {
                                batchEnds.add(new BatchEnd(System.nanoTime(), p.step(), p.loss()));
                            }
                        },
                        () -> false);
        return batchEnds;
    }

    /** When a training batch ended, its step and its loss. */
    private record BatchEnd(long nanos, long step, double loss) {}

    /**
     * The reference's training steps at the same architecture, size and batch, in this run (random
     * inputs: it times the steps alone, without the data pipeline, validation or the finiteness
     * guard that ours includes).
     */
    private void printReference(final Map<String, Double> ours) {
        System.out.println();
        final Optional<TorchReference> reference = TorchReference.find(System.out::println);
        if (reference.isEmpty()) {
            return;
        }
        final int threads =
                Integer.getInteger(
                        "ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "PyTorch reference, training steps at batch %d, %d threads, same run:%n",
                batchSize, threads);
        for (final Map.Entry<String, Double> e : ours.entrySet()) {
            final String[] key = e.getKey().split(" ");
            final Architecture architecture = Architecture.fromWireName(key[0]);
            final double torch =
                    reference
                            .get()
                            .timings(
                                    TorchReference.Timed.TRAINING,
                                    new TorchReference.Run(
                                            architecture,
                                            ParityCounts.configJson(
                                                    ModelSizes.configuration(architecture, key[1])),
                                            List.of(batchSize),
                                            threads,
                                            REFERENCE_SECONDS,
                                            seed),
                                    Precision.FLOAT32)
                            .get(batchSize)
                            .rate();
            System.out.printf(
                    "%-11s %-6s ours %7.1f / reference %7.1f examples/s = %.2f%n",
                    key[0], key[1], e.getValue(), torch, e.getValue() / torch);
        }
    }
}
