package io.dreamloop.designer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One measured member of a design-goal campaign's cycle library: its variable region and value. */
@Entity
@Table(name = "campaign_measurement")
public class CampaignMeasurementEntity {

    /** Campaign and library member. */
    @Embeddable
    public record Key(
            @Column(name = "campaign_id") String campaignId,
            @Column(name = "member_id") String memberId)
            implements Serializable {}

    @EmbeddedId private Key key;

    @Column(name = "cycle", nullable = false)
    private int cycle;

    @Column(name = "variable", nullable = false)
    private String variable;

    @Column(name = "measured", nullable = false)
    private double measured;

    protected CampaignMeasurementEntity() {}

    public CampaignMeasurementEntity(
            final Key key, final int cycle, final String variable, final double measured) {
        this.key = key;
        this.cycle = cycle;
        this.variable = variable;
        this.measured = measured;
    }

    public Key key() {
        return key;
    }

    public int cycle() {
        return cycle;
    }

    /** The member's variable region, without the flanks. */
    public String variable() {
        return variable;
    }

    public double measured() {
        return measured;
    }
}
