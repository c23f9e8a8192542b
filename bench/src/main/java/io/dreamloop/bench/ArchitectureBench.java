package io.dreamloop.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.nn.Bins;
import io.dreamloop.predictor.model.nn.Parameters;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import io.dreamloop.predictor.model.scoring.EncodedBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Inference throughput of the three Prix Fixe architectures (DREAM-CNN, DREAM-RNN, DREAM-Attn)
 * built in Java, per size ({@code paper}, {@code cpu}) and batch size: sequences per second, each
 * sequence scored on both strands as {@code ModelScorer} does (two forward passes, then the
 * expected bin). Weights are random (seeded): throughput does not depend on their values.
 */
@Command(
        name = "architectures",
        mixinStandardHelpOptions = true,
        description =
                "Inference throughput of DREAM-CNN, DREAM-RNN and DREAM-Attn per size and batch.")
final class ArchitectureBench implements Callable<Integer> {

    private static final List<String> ARCHITECTURES =
            List.of("dream-cnn", "dream-rnn", "dream-attn");
    private static final String REFERENCE_SIZE = "paper";
    private static final int REFERENCE_BATCH = 256;

    /**
     * Sequences per second of the PyTorch reference models on this machine, paper size, batch 256.
     */
    private static final Map<String, Double> REFERENCE =
            Map.of("dream-cnn", 64.0, "dream-rnn", 75.0, "dream-attn", 59.0);

    private static final String REFERENCE_LINE =
            "PyTorch reference on this 2-core machine, paper size, batch 256:"
                    + " dream-cnn ~64, dream-rnn ~75, dream-attn ~59 seq/s";

    private static final String ROW_HEADER = "%-11s %-6s %12s %6s %10s %12s%n";
    private static final String ROW = "%-11s %-6s %,12d %6d %10.2f %12.1f%n";

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
            names = "--batch-sizes",
            split = ",",
            defaultValue = "16,64,256",
            description = "Batch sizes (default ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(
            names = "--sequences",
            defaultValue = "512",
            description = "Sequences per measurement (default ${DEFAULT-VALUE}).")
    int sequences;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed of the random sequences and weights (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws TranslateException {
        validate();
        final List<DnaSequence> input = ScoringBench.randomOligos(sequences, seed);
        printHeader();
        final Map<String, Double> atReference = new LinkedHashMap<>();
        for (final String architecture : architectures) {
            for (final String size : sizes) {
                measure(architecture, size, input, atReference);
            }
        }
        printReference(atReference);
        return 0;
    }

    private void validate() {
        requireKnown("architecture", architectures, ARCHITECTURES);
        requireKnown("size", sizes, ModelSizes.SIZES);
        if (sequences < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--sequences must be >= 1, but was " + sequences);
        }
        if (batchSizes.stream().anyMatch(b -> b < 1)) {
            throw new ParameterException(
                    spec.commandLine(), "--batch-sizes must all be >= 1, but were " + batchSizes);
        }
    }

    private void requireKnown(
            final String what, final List<String> given, final List<String> known) {
        for (final String name : given) {
            if (!known.contains(name)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "unknown %s '%s'; expected one of %s".formatted(what, name, known));
            }
        }
    }

    private void printHeader() {
        final Engine engine = Engine.getInstance();
        System.out.printf(
                "architectures: %s %s on cpu, %d CPU threads visible (ai.djl.pytorch.num_threads=%s),"
                        + " %,d random 110-bp oligos (seed %d), both strands%n",
                engine.getEngineName(),
                engine.getVersion(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"),
                sequences,
                seed);
        System.out.printf(
                ROW_HEADER, "architecture", "size", "params", "batch", "seconds", "sequences/s");
    }

    /** Builds, initializes and times one model at every batch size; prints one row per batch. */
    private void measure(
            final String architecture,
            final String size,
            final List<DnaSequence> input,
            final Map<String, Double> atReference)
            throws TranslateException {
        Engine.getInstance().setRandomSeed(Math.toIntExact(seed));
        final PrixFixeNet net = ModelSizes.build(Architecture.fromWireName(architecture), size);
        try (Model model =
                Model.newInstance(architecture + "-" + size, device.device(), "PyTorch")) {
            model.setBlock(net);
            net.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
            final long params = Parameters.countTrainable(net);
            for (final int batch : batchSizes) {
                final double seconds = time(model, input, batch);
                final double rate = input.size() / seconds;
                System.out.printf(ROW, architecture, size, params, batch, seconds, rate);
                if (REFERENCE_SIZE.equals(size) && batch == REFERENCE_BATCH) {
                    atReference.put(architecture, rate);
                }
            }
        }
    }

    /**
     * Seconds to score all of {@code input} in batches of {@code batch}, after one warm-up batch.
     */
    private static double time(final Model model, final List<DnaSequence> input, final int batch)
            throws TranslateException {
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            final NDManager manager = model.getNDManager();
            scoreAll(predictor, manager, input.subList(0, Math.min(batch, input.size())), batch);
            final long t0 = System.nanoTime();
            scoreAll(predictor, manager, input, batch);
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static void scoreAll(
            final Predictor<NDList, NDList> predictor,
            final NDManager manager,
            final List<DnaSequence> input,
            final int batch)
            throws TranslateException {
        for (int from = 0; from < input.size(); from += batch) {
            final List<DnaSequence> chunk =
                    input.subList(from, Math.min(input.size(), from + batch));
            try (NDManager scope = manager.newSubManager()) {
                strand(predictor, scope, chunk, false);
                strand(predictor, scope, chunk, true);
            }
        }
    }

    /**
     * One forward pass; logits and expected bins are copied to the JVM as {@code ModelScorer} does.
     */
    private static void strand(
            final Predictor<NDList, NDList> predictor,
            final NDManager scope,
            final List<DnaSequence> chunk,
            final boolean reverse)
            throws TranslateException {
        final NDArray x = EncodedBatch.of(scope, SequenceEncoding.DREAM_2022, chunk, reverse);
        final NDArray logits = predictor.predict(new NDList(x)).singletonOrThrow();
        logits.attach(scope);
        logits.toFloatArray();
        Bins.expectedBin(logits).toFloatArray();
    }

    private static void printReference(final Map<String, Double> atReference) {
        System.out.println();
        System.out.println(REFERENCE_LINE);
        if (atReference.isEmpty()) {
            System.out.printf(
                    "(no ratio: nothing was measured at size %s, batch %d)%n",
                    REFERENCE_SIZE, REFERENCE_BATCH);
        }
        for (final Map.Entry<String, Double> e : atReference.entrySet()) {
            final double reference = REFERENCE.get(e.getKey());
            System.out.printf(
                    "%-11s ours %6.1f / reference %4.0f seq/s = %.2f%n",
                    e.getKey(), e.getValue(), reference, e.getValue() / reference);
        }
    }
}
