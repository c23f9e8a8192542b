package io.dreamloop.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import io.dreamloop.bench.ArchitectureTiming.Timing;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
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
 * Speed and memory of the three Prix Fixe architectures built in Java (DJL) beside the project's
 * PyTorch reference, in the same run, at the same sizes, batches and thread count: inference
 * sequences/s and training examples/s of both, their ratio, and the peak resident memory each
 * process grew by while it was timed. Weights are random (seeded): speed does not depend on them.
 */
@Command(
        name = "architectures",
        mixinStandardHelpOptions = true,
        description =
                "Inference and training speed and peak memory of DREAM-CNN, DREAM-RNN and"
                        + " DREAM-Attn in Java beside the PyTorch reference, per size and batch.")
final class ArchitectureBench implements Callable<Integer> {

    /** The targets: speed at least PyTorch's, memory growth at most 1.2 times its. */
    private static final double TARGET_SPEED = 1.0;

    private static final double TARGET_MEMORY = 1.2;

    private static final String ROW_HEADER = "%-11s %-6s %-9s %6s %10s %10s %6s %16s %16s %6s%n";
    private static final String ROW =
            "%-11s %-6s %-9s %6d %10.1f %10s %6s %9.0f (+%4.0f) %16s %6s%n";

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
            defaultValue = "cpu,paper",
            description = "Model sizes: cpu, paper (default ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(
            names = "--modes",
            split = ",",
            defaultValue = "inference,training",
            description = "What to time: inference, training (default ${DEFAULT-VALUE}).")
    List<Mode> modes;

    @Option(
            names = "--batch-sizes",
            split = ",",
            defaultValue = "16,64,256,1024",
            description = "Batch sizes (default ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(
            names = "--min-seconds",
            defaultValue = "3",
            description =
                    "Timed seconds per measurement, after a warm-up (default ${DEFAULT-VALUE}).")
    double minSeconds;

    @Option(
            names = "--repeats",
            defaultValue = "1",
            description =
                    "Times each architecture, size and mode this many times, ours and the reference"
                            + " in turn; the summary gives the mean and spread of the ratios"
                            + " (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(
            names = "--threads",
            description = "Intra-op threads of both engines (default: the CPU cores).")
    Integer threads;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed of the random inputs and weights (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--engine-check",
            description =
                    "Also time the reference's model traced to TorchScript in both engines (the"
                            + " same module, inference, float32): how much of the gap is the"
                            + " engine and how much our Java layer.")
    boolean engineCheck;

    @Mixin DeviceOption device = new DeviceOption();

    @Mixin PrecisionOption precision = new PrecisionOption();

    /** What a measurement times (the option's values). */
    enum Mode {
        inference,
        training
    }

    private final List<Comparison> comparisons = new ArrayList<>();

    @Override
    public Integer call() throws TranslateException {
        validate();
        // Refused before any model loads if the engine cannot run it.
        final Precision inference = precision.checkedOn(device.device(), spec);
        if (engineCheck && inference != Precision.FLOAT32) {
            throw usage("--engine-check runs in float32 (a traced module keeps its type)");
        }
        final int threadCount =
                threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        // Before the engine loads: DJL reads it once.
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threadCount));
        final Optional<TorchReference> reference = TorchReference.find(System.out::println);
        printHeader(threadCount, reference.isPresent(), inference);
        for (final String architecture : architectures) {
            for (final String size : sizes) {
                measure(
                        Architecture.fromWireName(architecture),
                        size,
                        reference,
                        threadCount,
                        inference);
            }
        }
        printSummary();
        return 0;
    }

    private void validate() {
        for (final String name : architectures) {
            try {
                Architecture.fromWireName(name);
            } catch (final IllegalArgumentException e) {
                throw usage("%s", e.getMessage());
            }
        }
        for (final String size : sizes) {
            if (!ModelSizes.SIZES.contains(size)) {
                throw usage("unknown size '%s'; expected one of %s", size, ModelSizes.SIZES);
            }
        }
        if (batchSizes.stream().anyMatch(b -> b < 1)) {
            throw usage("--batch-sizes must all be >= 1, but were %s", batchSizes);
        }
        if (!(minSeconds > 0)) {
            throw usage("--min-seconds must be > 0, but was %s", minSeconds);
        }
        if (repeats < 1) {
            throw usage("--repeats must be >= 1, but was %d", repeats);
        }
        if (threads != null && threads < 1) {
            throw usage("--threads must be >= 1, but was %d", threads);
        }
        if (engineCheck && !modes.contains(Mode.inference)) {
            throw usage("--engine-check times inference: add it to --modes");
        }
    }

    private ParameterException usage(final String format, final Object... args) {
        return new ParameterException(spec.commandLine(), format.formatted(args));
    }

    private void printHeader(
            final int threadCount, final boolean withReference, final Precision inference) {
        final Engine engine = Engine.getInstance();
        System.out.printf(
                "architectures: ours DJL %s (libtorch %s) on %s, %d intra-op threads on both sides,"
                        + " random one-hot inputs (seed %d), %.0f s per measurement after a"
                        + " warm-up; inference in %s on both sides (weights and inputs cast),"
                        + " training in float32%n",
                Engine.getDjlVersion(),
                engine.getVersion(),
                device.device(),
                threadCount,
                seed,
                minSeconds,
                inference.wireName());
        System.out.println(
                "memory: peak resident MiB of each process while timed (+ growth over its resident"
                        + " memory before); 'mem' is ours/PyTorch of the growth");
        System.out.printf(
                ROW_HEADER,
                "architecture",
                "size",
                "mode",
                "batch",
                "ours/s",
                withReference ? "torch/s" : "(no ref)",
                "ratio",
                "ours MiB",
                "torch MiB",
                "mem");
    }

    /** Times one architecture at one size, ours then the reference, and prints a row per batch. */
    private void measure(
            final Architecture architecture,
            final String size,
            final Optional<TorchReference> reference,
            final int threadCount,
            final Precision inference)
            throws TranslateException {
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (final Mode mode : modes) {
                final Precision type = mode == Mode.inference ? inference : Precision.FLOAT32;
                compare(architecture, size, reference, threadCount, mode, type);
            }
        }
    }

    private void compare(
            final Architecture architecture,
            final String size,
            final Optional<TorchReference> reference,
            final int threadCount,
            final Mode mode,
            final Precision type)
            throws TranslateException {
        final Map<Integer, Timing> ours = ours(architecture, size, mode, type);
        final Map<Integer, Timing> torch =
                reference
                        .map(r -> torch(r, architecture, size, mode, threadCount, type))
                        .orElse(Map.of());
        for (final int batch : batchSizes) {
            final Comparison c =
                    new Comparison(
                            architecture, size, mode, batch, ours.get(batch), torch.get(batch));
            comparisons.add(c);
            c.print();
        }
        if (engineCheck && mode == Mode.inference && reference.isPresent()) {
            EngineCheck.run(
                    reference.get(),
                    architecture,
                    size,
                    ours,
                    threadCount,
                    minSeconds,
                    seed,
                    device.device());
        }
    }

    private Map<Integer, Timing> ours(
            final Architecture architecture,
            final String size,
            final Mode mode,
            final Precision type)
            throws TranslateException {
        Engine.getInstance().setRandomSeed(Math.toIntExact(seed));
        final PrixFixeNet net = ModelSizes.build(architecture, size);
        final Map<Integer, Timing> out = new LinkedHashMap<>();
        try (Model model =
                Model.newInstance(
                        architecture.wireName() + "-" + size, device.device(), "PyTorch")) {
            model.setBlock(net);
            net.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
            if (type != Precision.FLOAT32) {
                DjlModels.cast(net, type.dataType());
            }
            for (final int batch : batchSizes) {
                out.put(
                        batch,
                        mode == Mode.inference
                                ? ArchitectureTiming.inference(
                                        model, batch, minSeconds, seed, type.dataType())
                                : ArchitectureTiming.training(model, batch, minSeconds, seed));
            }
        }
        return out;
    }

    private Map<Integer, Timing> torch(
            final TorchReference reference,
            final Architecture architecture,
            final String size,
            final Mode mode,
            final int threadCount,
            final Precision type) {
        return reference.timings(
                mode == Mode.inference
                        ? TorchReference.Timed.INFERENCE
                        : TorchReference.Timed.TRAINING,
                new TorchReference.Run(
                        architecture,
                        ParityCounts.configJson(ModelSizes.configuration(architecture, size)),
                        batchSizes,
                        threadCount,
                        minSeconds,
                        seed),
                type);
    }

    /** One batch size of one architecture, size and mode: ours and, when run, the reference's. */
    private record Comparison(
            Architecture architecture,
            String size,
            Mode mode,
            int batch,
            Timing ours,
            Timing torch) {

        double speedRatio() {
            return torch == null ? Double.NaN : ours.rate() / torch.rate();
        }

        double memoryRatio() {
            return torch == null ? Double.NaN : growth(ours) / Math.max(1, growth(torch));
        }

        private static double growth(final Timing t) {
            return Math.max(0, t.peakMib() - t.beforeMib());
        }

        void print() {
            System.out.printf(
                    ROW,
                    architecture.wireName(),
                    size,
                    mode,
                    batch,
                    ours.rate(),
                    torch == null ? "-" : "%.1f".formatted(torch.rate()),
                    torch == null ? "-" : "%.2f".formatted(speedRatio()),
                    ours.peakMib(),
                    growth(ours),
                    torch == null
                            ? "-"
                            : "%9.0f (+%4.0f)".formatted(torch.peakMib(), growth(torch)),
                    torch == null ? "-" : "%.2f".formatted(memoryRatio()));
        }
    }

    /**
     * Per architecture, size, mode and batch: the mean (and, over repeats, the standard deviation)
     * of the speed and memory ratios; then per architecture and mode whether the targets are met.
     */
    private void printSummary() {
        System.out.println();
        System.out.printf(
                "targets: speed ratio >= %.1f at every batch, memory growth <= %.1fx PyTorch's;"
                        + " mean (sd) over %d repeat(s)%n",
                TARGET_SPEED, TARGET_MEMORY, repeats);
        for (final String architecture : architectures) {
            for (final Mode mode : modes) {
                summarize(architecture, mode);
            }
        }
    }

    private void summarize(final String architecture, final Mode mode) {
        double slowest = Double.POSITIVE_INFINITY;
        double heaviest = 0;
        final StringBuilder line = new StringBuilder();
        for (final String size : sizes) {
            for (final int batch : batchSizes) {
                final List<Comparison> rows =
                        comparisons.stream()
                                .filter(c -> c.architecture().wireName().equals(architecture))
                                .filter(c -> c.size().equals(size) && c.batch() == batch)
                                .filter(c -> c.mode() == mode && c.torch() != null)
                                .toList();
                if (rows.isEmpty()) {
                    continue;
                }
                final Spread speed =
                        Spread.of(rows.stream().mapToDouble(Comparison::speedRatio).toArray());
                final Spread memory =
                        Spread.of(rows.stream().mapToDouble(Comparison::memoryRatio).toArray());
                slowest = Math.min(slowest, speed.mean());
                heaviest = Math.max(heaviest, memory.mean());
                line.append(
                        " %s/%d %.2f (%.2f) mem %.2f;"
                                .formatted(size, batch, speed.mean(), speed.sd(), memory.mean()));
            }
        }
        if (line.isEmpty()) {
            return;
        }
        System.out.printf("%-11s %-9s%s%n", architecture, mode, line);
        System.out.printf(
                "%-11s %-9s lowest mean speed ratio %.2f (%s), highest mean memory ratio %.2f"
                        + " (%s)%n",
                architecture,
                mode,
                slowest,
                slowest >= TARGET_SPEED ? "met" : "not met",
                heaviest,
                heaviest <= TARGET_MEMORY ? "met" : "not met");
    }
}
