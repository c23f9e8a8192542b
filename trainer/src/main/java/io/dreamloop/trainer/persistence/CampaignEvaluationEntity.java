package io.dreamloop.trainer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A campaign cycle's ensemble scored on the campaign's test library, once. */
@Entity
@Table(name = "campaign_evaluation")
public class CampaignEvaluationEntity {

    /** Campaign and cycle. */
    @Embeddable
    public record Key(
            @Column(name = "campaign_id") String campaignId, @Column(name = "cycle") int cycle)
            implements Serializable {}

    @EmbeddedId private Key key;

    @Column(name = "ensemble_size", nullable = false)
    private int ensembleSize;

    @Column(name = "model_versions", nullable = false)
    private String modelVersions;

    @Column(name = "test_rows", nullable = false)
    private int testRows;

    @Column(name = "metrics", nullable = false)
    private String metrics;

    @Column(name = "predictions", nullable = false)
    private String predictions;

    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;

    protected CampaignEvaluationEntity() {}

    /**
     * @param modelVersions the ensemble's members, comma-separated in member order
     * @param metrics the scores as a JSON object
     * @param predictions the ensemble's prediction of each test row by row id, stored as {@code
     *     <row id>\t<prediction>} lines in the map's order
     */
    public CampaignEvaluationEntity(
            final Key key,
            final int ensembleSize,
            final String modelVersions,
            final int testRows,
            final String metrics,
            final Map<String, Double> predictions) {
        this.key = key;
        this.ensembleSize = ensembleSize;
        this.modelVersions = modelVersions;
        this.testRows = testRows;
        this.metrics = metrics;
        final StringBuilder lines = new StringBuilder();
        predictions.forEach((id, p) -> lines.append(id).append('\t').append(p).append('\n'));
        this.predictions = lines.toString();
        this.evaluatedAt = Instant.now();
    }

    public Key key() {
        return key;
    }

    public int ensembleSize() {
        return ensembleSize;
    }

    public String modelVersions() {
        return modelVersions;
    }

    public int testRows() {
        return testRows;
    }

    /** The scores as a JSON object. */
    public String metrics() {
        return metrics;
    }

    /** The ensemble's prediction of each test row by row id. */
    public Map<String, Double> predictions() {
        final Map<String, Double> out = new LinkedHashMap<>();
        for (final String line : predictions.split("\n")) {
            final int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                out.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
            }
        }
        return out;
    }

    public Instant evaluatedAt() {
        return evaluatedAt;
    }
}
