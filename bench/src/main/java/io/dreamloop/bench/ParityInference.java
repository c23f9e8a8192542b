package io.dreamloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inference sequences/s of a Java model and of the PyTorch reference, measured alike: random
 * one-hot inputs {@code (N, 6, 150)}, evaluation mode, logits read back to the host, after a
 * warm-up, for at least {@value #MIN_SECONDS} s per batch size.
 */
final class ParityInference {
    static final int MIN_SECONDS = 3;
    private static final int SEED = 2022;

    private ParityInference() {}

    /** Sequences/s of the Java model per batch size. */
    static Map<Integer, Double> java(
            final Architecture architecture,
            final Record configuration,
            final List<Integer> batches) {
        final PrixFixeNet net =
                DjlModels.build(architecture, DjlModels.configurationOf(configuration));
        final Map<Integer, Double> out = new LinkedHashMap<>();
        try (Model model = Model.newInstance("parity-inference", Device.cpu(), "PyTorch")) {
            model.setBlock(net);
            model.getNDManager().getEngine().setRandomSeed(SEED);
            net.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                for (final int batch : batches) {
                    out.put(batch, rate(predictor, model.getNDManager(), batch));
                }
            }
        } catch (final TranslateException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Sequences/s of the reference per batch size. */
    static Map<Integer, Double> torch(
            final TorchReference reference,
            final Architecture architecture,
            final String config,
            final List<Integer> batches,
            final int threads) {
        final List<String> arguments =
                new ArrayList<>(
                        List.of(
                                "infer",
                                "--architecture",
                                architecture.wireName(),
                                "--config",
                                config,
                                "--batch-sizes",
                                String.join(",", batches.stream().map(String::valueOf).toList()),
                                "--threads",
                                Integer.toString(threads),
                                "--min-seconds",
                                Integer.toString(MIN_SECONDS),
                                "--seed",
                                Integer.toString(SEED)));
        final Map<Integer, Double> out = new LinkedHashMap<>();
        for (final JsonNode line : reference.run(arguments, l -> {})) {
            if ("infer".equals(line.path("event").asText())) {
                out.put(line.get("batch").asInt(), line.get("sequences_per_s").asDouble());
            }
        }
        return out;
    }

    private static double rate(
            final Predictor<NDList, NDList> predictor, final NDManager manager, final int batch)
            throws TranslateException {
        final float[] x = randomOneHot(batch, new SplittableRandom(SEED));
        final Shape shape = new Shape(batch, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH);
        forward(predictor, manager, x, shape);
        long rows = 0;
        final long start = System.nanoTime();
        long elapsed;
        do {
            forward(predictor, manager, x, shape);
            rows += batch;
            elapsed = System.nanoTime() - start;
        } while (elapsed < MIN_SECONDS * 1_000_000_000L);
        return rows / (elapsed / 1e9);
    }

    private static void forward(
            final Predictor<NDList, NDList> predictor,
            final NDManager manager,
            final float[] x,
            final Shape shape)
            throws TranslateException {
        try (NDManager scope = manager.newSubManager()) {
            final NDArray input = scope.create(x, shape);
            final NDArray logits = predictor.predict(new NDList(input)).singletonOrThrow();
            logits.attach(scope);
            logits.toFloatArray();
        }
    }

    /** {@code (batch, 6, 150)} inputs with one random base per position, both flags 0. */
    static float[] randomOneHot(final int batch, final SplittableRandom random) {
        final int length = SequenceEncoding.LENGTH;
        final float[] x = new float[batch * SequenceEncoding.CHANNELS * length];
        for (int n = 0; n < batch; n++) {
            for (int position = 0; position < length; position++) {
                final int base = random.nextInt(4);
                x[(n * SequenceEncoding.CHANNELS + base) * length + position] = 1f;
            }
        }
        return x;
    }
}
