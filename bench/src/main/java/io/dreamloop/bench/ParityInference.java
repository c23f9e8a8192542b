package io.dreamloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inference sequences/s of a Java model and of the PyTorch reference, measured alike ({@link
 * ArchitectureTiming}, {@link TorchReference#timings}) for at least {@value #MIN_SECONDS} s per
 * batch size.
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
            for (final int batch : batches) {
                out.put(
                        batch,
                        ArchitectureTiming.inference(
                                        model, batch, MIN_SECONDS, SEED, DataType.FLOAT32)
                                .rate());
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
        final Map<Integer, Double> out = new LinkedHashMap<>();
        reference
                .timings(
                        TorchReference.Timed.INFERENCE,
                        new TorchReference.Run(
                                architecture, config, batches, threads, MIN_SECONDS, SEED),
                        Precision.FLOAT32)
                .forEach((batch, timing) -> out.put(batch, timing.rate()));
        return out;
    }
}
