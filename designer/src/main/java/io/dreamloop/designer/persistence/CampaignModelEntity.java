package io.dreamloop.designer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/** One model of a campaign cycle's ensemble, as the trainer published it. */
@Entity
@Table(name = "campaign_model")
public class CampaignModelEntity {

    /** Campaign, cycle and ensemble member. */
    @Embeddable
    public record Key(
            @Column(name = "campaign_id") String campaignId,
            @Column(name = "cycle") int cycle,
            @Column(name = "ensemble_index") int ensembleIndex)
            implements Serializable {}

    @EmbeddedId private Key key;

    @Column(name = "ensemble_size", nullable = false)
    private int ensembleSize;

    @Column(name = "model_version", nullable = false)
    private String modelVersion;

    @Column(name = "held_out_r")
    private Double heldOutR;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected CampaignModelEntity() {}

    public CampaignModelEntity(
            final Key key,
            final int ensembleSize,
            final String modelVersion,
            final Double heldOutR) {
        this.key = key;
        this.ensembleSize = ensembleSize;
        this.modelVersion = modelVersion;
        this.heldOutR = heldOutR;
        this.publishedAt = Instant.now();
    }

    public Key key() {
        return key;
    }

    public int ensembleSize() {
        return ensembleSize;
    }

    public String modelVersion() {
        return modelVersion;
    }

    /** The trainer's held-out Pearson r of this model, if it reported one. */
    public Double heldOutR() {
        return heldOutR;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** The mean held-out r of the models that reported one; empty when none did. */
    public static OptionalDouble meanHeldOutR(final List<CampaignModelEntity> models) {
        return models.stream()
                .filter(m -> m.heldOutR() != null)
                .mapToDouble(CampaignModelEntity::heldOutR)
                .average();
    }
}
