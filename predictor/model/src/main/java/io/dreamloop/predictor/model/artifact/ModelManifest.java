package io.dreamloop.predictor.model.artifact;

import io.dreamloop.contracts.event.Ids;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a stored model is.
 *
 * @param modelVersion the version id
 * @param architecture {@code dream-cnn}, {@code dream-rnn} or {@code dream-attn}
 * @param format {@code torchscript} (a traced PyTorch module) or {@code djl} (DJL parameters of our
 *     blocks, rebuilt from {@code configuration})
 * @param weightsFile the weights' file name inside the artifact
 * @param sha256 sha256 of the weights file, lower-case hex; also the artifact's address
 * @param parentVersion the version it was fine-tuned from, or null
 * @param configuration the architecture's configuration (widths, depths, ...)
 * @param lineage where it came from (training run, measurements, source file, ...)
 * @param createdAt when it was stored
 */
public record ModelManifest(
        String modelVersion,
        String architecture,
        String format,
        String weightsFile,
        String sha256,
        String parentVersion,
        Map<String, Object> configuration,
        Map<String, String> lineage,
        Instant createdAt) {

    /** Formats the store can load. */
    public static final String TORCHSCRIPT = "torchscript";

    public static final String DJL = "djl";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ModelManifest {
        Ids.require(modelVersion, "modelVersion");
        Ids.require(architecture, "architecture");
        if (!TORCHSCRIPT.equals(format) && !DJL.equals(format)) {
            throw new IllegalArgumentException(
                    "format must be 'torchscript' or 'djl', but was '%s'".formatted(format));
        }
        Objects.requireNonNull(weightsFile, "weightsFile");
        if (!SHA256.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
            throw new IllegalArgumentException(
                    "sha256 must be 64 lower-case hex digits: " + sha256);
        }
        configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
        lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
