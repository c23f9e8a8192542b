package io.dreamloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.TranslateException;
import io.dreamloop.bench.ArchitectureTiming.Timing;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.scoring.TorchScriptModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the gap between our models and PyTorch's into the engine's part and our Java layer's: the
 * reference traces its model ({@code torch.jit.trace}) and times the traced module, then DJL loads
 * that very file and times it on the same inputs, as one call into libtorch per forward pass (no
 * Java block code). DJL-TorchScript against PyTorch-TorchScript is the engine (DJL's libtorch
 * against the reference's); ours against DJL-TorchScript is what our blocks cost on top.
 */
final class EngineCheck {
    private static final String ROW = "  %6d %12.1f %12.1f %12.2f %14.2f%n";
    private static final String HEADER = "  %6s %12s %12s %12s %14s%n";

    private EngineCheck() {}

    /**
     * Runs the check for one architecture and size and prints a row per batch.
     *
     * @param ours our blocks' inference timings of the same architecture, size and batches
     */
    static void run(
            final TorchReference reference,
            final Architecture architecture,
            final String size,
            final Map<Integer, Timing> ours,
            final int threads,
            final double minSeconds,
            final long seed,
            final Device device)
            throws TranslateException {
        final List<Integer> batches = List.copyOf(ours.keySet());
        final Path dir = temporaryDirectory();
        final Path traced = dir.resolve(architecture.wireName() + "-" + size + ".pt");
        try {
            final Map<Integer, Timing> torch =
                    reference.tracedTimings(
                            new TorchReference.Run(
                                    architecture,
                                    ParityCounts.configJson(
                                            ModelSizes.configuration(architecture, size)),
                                    batches,
                                    threads,
                                    minSeconds,
                                    seed),
                            traced);
            final Map<Integer, Timing> djl = timeInDjl(traced, batches, minSeconds, seed, device);
            System.out.printf(
                    "engine check, %s %s: the reference's module traced to TorchScript, run by"
                            + " both engines (inference, float32)%n",
                    architecture.wireName(), size);
            System.out.printf(HEADER, "batch", "DJL ts/s", "torch ts/s", "engine", "ours/DJL ts");
            for (final int batch : batches) {
                final double djlRate = djl.get(batch).rate();
                System.out.printf(
                        ROW,
                        batch,
                        djlRate,
                        torch.get(batch).rate(),
                        djlRate / torch.get(batch).rate(),
                        ours.get(batch).rate() / djlRate);
            }
        } finally {
            delete(traced);
            delete(dir);
        }
    }

    private static Map<Integer, Timing> timeInDjl(
            final Path traced,
            final List<Integer> batches,
            final double minSeconds,
            final long seed,
            final Device device)
            throws TranslateException {
        final Map<Integer, Timing> out = new LinkedHashMap<>();
        try (Model model = TorchScriptModels.load(traced, device)) {
            for (final int batch : batches) {
                out.put(
                        batch,
                        ArchitectureTiming.inference(
                                model, batch, minSeconds, seed, DataType.FLOAT32));
            }
        }
        return out;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("dreamloop-engine-check-");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create a directory for the traced module", e);
        }
    }

    private static void delete(final Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
