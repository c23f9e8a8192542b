package io.dreamloop.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.DjlModels;
import java.util.List;

/** Trainable parameters of the Java models and the PyTorch reference, at both sizes. */
final class ParityCounts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParityCounts() {}

    /** A configuration as the manifest writes it, which the reference reads. */
    static String configJson(final Record configuration) {
        try {
            return JSON.writeValueAsString(DjlModels.configurationOf(configuration));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write configuration " + configuration, e);
        }
    }

    /** Prints both counts for every architecture and size; true when all are equal. */
    static boolean print(final TorchReference reference) {
        System.out.printf(
                "%ntrainable parameters%n%-11s %-6s %12s %12s%n", "", "size", "java", "pytorch");
        boolean equal = true;
        for (final Architecture architecture : Architecture.values()) {
            for (final String size : ModelSizes.SIZES) {
                final long java = ModelSizes.parameters(architecture, size);
                final long torch =
                        TorchReference.last(
                                        reference.run(
                                                List.of(
                                                        "count",
                                                        "--architecture",
                                                        architecture.wireName(),
                                                        "--config",
                                                        configJson(
                                                                ModelSizes.configuration(
                                                                        architecture, size))),
                                                line -> {}),
                                        "count")
                                .get("parameters")
                                .asLong();
                System.out.printf(
                        "%-11s %-6s %,12d %,12d%s%n",
                        architecture.wireName(),
                        size,
                        java,
                        torch,
                        java == torch ? "" : "   DIFFERENT");
                equal &= java == torch;
            }
        }
        return equal;
    }
}
