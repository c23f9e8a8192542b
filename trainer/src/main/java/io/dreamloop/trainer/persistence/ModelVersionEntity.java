package io.dreamloop.trainer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One registered model version: where it came from, what it was trained on, how it scored. */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity {
    @Id
    @Column(name = "version")
    private String version;

    @Column(name = "parent_version")
    private String parentVersion;

    @Column(name = "architecture", nullable = false)
    private String architecture;

    @Column(name = "configuration", nullable = false)
    private String configuration;

    @Column(name = "recipe", nullable = false)
    private String recipe;

    @Column(name = "training_data", nullable = false)
    private String trainingData;

    @Column(name = "metrics", nullable = false)
    private String metrics;

    @Column(name = "validation_r", nullable = false)
    private double validationR;

    @Column(name = "artifact_sha256", nullable = false)
    private String artifactSha256;

    @Column(name = "artifact_uri", nullable = false)
    private String artifactUri;

    @Column(name = "champion", nullable = false)
    private boolean champion;

    @Column(name = "training_run", nullable = false)
    private String trainingRun;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModelVersionEntity() {}

    /** A new version; JSON columns are written by the registry. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public ModelVersionEntity(
            final String version,
            final String parentVersion,
            final String architecture,
            final String configuration,
            final String recipe,
            final String trainingData,
            final String metrics,
            final double validationR,
            final String artifactSha256,
            final String artifactUri,
            final boolean champion,
            final String trainingRun) {
        this.version = version;
        this.parentVersion = parentVersion;
        this.architecture = architecture;
        this.configuration = configuration;
        this.recipe = recipe;
        this.trainingData = trainingData;
        this.metrics = metrics;
        this.validationR = validationR;
        this.artifactSha256 = artifactSha256;
        this.artifactUri = artifactUri;
        this.champion = champion;
        this.trainingRun = trainingRun;
        this.createdAt = Instant.now();
    }

    public String version() {
        return version;
    }

    public String parentVersion() {
        return parentVersion;
    }

    public String architecture() {
        return architecture;
    }

    public String configuration() {
        return configuration;
    }

    public String recipe() {
        return recipe;
    }

    public String trainingData() {
        return trainingData;
    }

    public String metrics() {
        return metrics;
    }

    public double validationR() {
        return validationR;
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

    public String trainingRun() {
        return trainingRun;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Steps down when another version becomes champion. */
    public void retire() {
        this.champion = false;
    }

    /** Becomes champion: the predictor serves it. */
    public void crown() {
        this.champion = true;
    }
}
