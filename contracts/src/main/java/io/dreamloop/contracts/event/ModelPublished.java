package io.dreamloop.contracts.event;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A new model version exists; services that score with models can load it and check its hash.
 *
 * @param header the event header
 * @param modelVersion the new version
 * @param architecture e.g. {@code dream-cnn}, {@code dream-rnn}, {@code dream-attn}
 * @param parentVersion the version it was fine-tuned from, absent when trained from scratch
 * @param artifactSha256 sha256 of the artifact, lower-case hex
 * @param artifactUri where the artifact can be fetched
 * @param champion true when it becomes the version used by default
 * @param metrics evaluation metrics (e.g. {@code pearson.high})
 * @param ensemble for a campaign cycle's models: which member of the cycle's ensemble this is and
 *     how many there are, so the campaign knows when the cycle's models are all published
 */
public record ModelPublished(
        EventHeader header,
        String modelVersion,
        String architecture,
        @OptionalField String parentVersion,
        String artifactSha256,
        String artifactUri,
        boolean champion,
        @OptionalField Map<String, Double> metrics,
        @OptionalField EnsembleMember ensemble)
        implements Event {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ModelPublished {
        EventTypes.check(header, ModelPublished.class);
        Ids.require(modelVersion, "modelVersion");
        Ids.require(architecture, "architecture");
        if (parentVersion != null) {
            Ids.require(parentVersion, "parentVersion");
        }
        Objects.requireNonNull(artifactSha256, "artifactSha256");
        if (!SHA256.matcher(artifactSha256).matches()) {
            throw new IllegalArgumentException(
                    "artifactSha256 must be 64 lower-case hex digits, but was '%s'"
                            .formatted(artifactSha256));
        }
        Objects.requireNonNull(artifactUri, "artifactUri");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** A model that belongs to no ensemble. */
    public ModelPublished(
            final EventHeader header,
            final String modelVersion,
            final String architecture,
            final String parentVersion,
            final String artifactSha256,
            final String artifactUri,
            final boolean champion,
            final Map<String, Double> metrics) {
        this(
                header,
                modelVersion,
                architecture,
                parentVersion,
                artifactSha256,
                artifactUri,
                champion,
                metrics,
                null);
    }

    /**
     * One member of an ensemble trained together.
     *
     * @param index 0-based
     * @param size members in the ensemble, more than {@code index}
     */
    public record EnsembleMember(int index, int size) {
        public EnsembleMember {
            if (index < 0 || size <= index) {
                throw new IllegalArgumentException(
                        "ensemble member %d of %d is out of range".formatted(index, size));
            }
        }
    }

    @Override
    public String key() {
        return modelVersion;
    }
}
