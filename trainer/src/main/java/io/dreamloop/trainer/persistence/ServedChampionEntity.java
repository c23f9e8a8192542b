package io.dreamloop.trainer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The champion the predictor serves, as the last champion model-published said: one row, replaced
 * by every champion event, whoever published it.
 */
@Entity
@Table(name = "served_champion")
public class ServedChampionEntity {
    /** The one row's key. */
    static final String SLOT = "predictor";

    /** Where a served model came from. */
    public enum Origin {
        /** Trained by this trainer. */
        TRAINED,
        /** Imported into the predictor ({@code POST /models/import}). */
        IMPORTED,
        /** Published by another producer. */
        OTHER;

        /**
         * How a run's reason names it, e.g. {@code TorchScript import} or {@code trained here}.
         *
         * @param format the artifact's format ({@code torchscript}, {@code djl}), or null when its
         *     manifest could not be read
         */
        public String describe(final String format) {
            final String kind =
                    format == null
                            ? ""
                            : switch (format) {
                                case "torchscript" -> "TorchScript ";
                                case "djl" -> "DJL ";
                                default -> format + " ";
                            };
            return switch (this) {
                case TRAINED -> "trained here";
                case IMPORTED -> kind + "import";
                case OTHER -> kind + "model from another producer";
            };
        }
    }

    @Id
    @Column(name = "slot")
    private String slot;

    @Column(name = "model_version", nullable = false)
    private String modelVersion;

    @Column(name = "architecture", nullable = false)
    private String architecture;

    @Column(name = "artifact_sha256", nullable = false)
    private String artifactSha256;

    @Column(name = "artifact_uri", nullable = false)
    private String artifactUri;

    @Column(name = "format")
    private String format;

    @Column(name = "origin", nullable = false)
    private String origin;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ServedChampionEntity() {}

    ServedChampionEntity(final String slot) {
        this.slot = slot;
    }

    /** Now serving this version. */
    void serve(
            final String version,
            final String architecture,
            final String artifactSha256,
            final String artifactUri,
            final String format,
            final Origin origin,
            final Instant publishedAt) {
        this.modelVersion = version;
        this.architecture = architecture;
        this.artifactSha256 = artifactSha256;
        this.artifactUri = artifactUri;
        this.format = format;
        this.origin = origin.name();
        this.publishedAt = publishedAt;
        this.recordedAt = Instant.now();
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String architecture() {
        return architecture;
    }

    public String artifactSha256() {
        return artifactSha256;
    }

    public String artifactUri() {
        return artifactUri;
    }

    /** {@code torchscript} or {@code djl}; null when the manifest could not be read. */
    public String format() {
        return format;
    }

    public Origin origin() {
        return Origin.valueOf(origin);
    }

    /** How a run's reason names it, e.g. {@code TorchScript import}. */
    public String description() {
        return origin().describe(format);
    }

    /** When its model-published event was created. */
    public Instant publishedAt() {
        return publishedAt;
    }

    /** When the trainer learnt of it. */
    public Instant recordedAt() {
        return recordedAt;
    }
}
