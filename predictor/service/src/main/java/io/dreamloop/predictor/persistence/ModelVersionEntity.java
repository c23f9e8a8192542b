package io.dreamloop.predictor.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One published model version. */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity {
    @Id
    @Column(name = "model_version")
    private String modelVersion;

    @Column(name = "architecture", nullable = false)
    private String architecture;

    @Column(name = "parent_version")
    private String parentVersion;

    @Column(name = "artifact_sha256", nullable = false)
    private String artifactSha256;

    @Column(name = "artifact_uri", nullable = false)
    private String artifactUri;

    @Column(name = "champion", nullable = false)
    private boolean champion;

    @Column(name = "published_event", nullable = false)
    private UUID publishedEvent;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected ModelVersionEntity() {}

    public ModelVersionEntity(
            final String modelVersion,
            final String architecture,
            final String parentVersion,
            final String artifactSha256,
            final String artifactUri,
            final UUID publishedEvent,
            final Instant publishedAt) {
        this.modelVersion = modelVersion;
        this.architecture = architecture;
        this.parentVersion = parentVersion;
        this.artifactSha256 = artifactSha256;
        this.artifactUri = artifactUri;
        this.publishedEvent = publishedEvent;
        this.publishedAt = publishedAt;
    }

    public void champion(final boolean value) {
        this.champion = value;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String architecture() {
        return architecture;
    }

    public String parentVersion() {
        return parentVersion;
    }

    public String artifactSha256() {
        return artifactSha256;
    }

    public String artifactUri() {
        return artifactUri;
    }

    public boolean champion() {
        return champion;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
