package io.dreamloop.trainer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One measured expression value with its lineage. */
@Entity
@Table(name = "measurement")
public class MeasurementEntity {

    /** Run, member and method: one value per member per run per estimation method. */
    @Embeddable
    public record Key(
            @Column(name = "run_id") String runId,
            @Column(name = "member_id") String memberId,
            @Column(name = "method") String method)
            implements Serializable {}

    @EmbeddedId private Key key;

    @Column(name = "library_id", nullable = false)
    private String libraryId;

    @Column(name = "sequence", nullable = false)
    private String sequence;

    @Column(name = "expression", nullable = false)
    private double value;

    @Column(name = "scale", nullable = false)
    private String scale;

    @Column(name = "reads", nullable = false)
    private long reads;

    @Column(name = "singleton", nullable = false)
    private boolean singleton;

    @Column(name = "qc_flags", nullable = false)
    private String qcFlags;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "subset")
    private String subset;

    @Column(name = "pair_id")
    private String pairId;

    @Column(name = "campaign_id")
    private String campaignId;

    @Column(name = "cycle")
    private Integer cycle;

    @Column(name = "truth")
    private Double truth;

    protected MeasurementEntity() {}

    @SuppressWarnings("checkstyle:ParameterNumber")
    public MeasurementEntity(
            final Key key,
            final String libraryId,
            final String sequence,
            final double value,
            final String scale,
            final long reads,
            final boolean singleton,
            final String qcFlags,
            final UUID eventId,
            final String subset,
            final String pairId) {
        this.key = key;
        this.libraryId = libraryId;
        this.sequence = sequence;
        this.value = value;
        this.scale = scale;
        this.reads = reads;
        this.singleton = singleton;
        this.qcFlags = qcFlags;
        this.eventId = eventId;
        this.subset = subset;
        this.pairId = pairId;
        this.recordedAt = Instant.now();
    }

    public Key key() {
        return key;
    }

    public String sequence() {
        return sequence;
    }

    public double value() {
        return value;
    }

    public String scale() {
        return scale;
    }

    public boolean singleton() {
        return singleton;
    }

    public String libraryId() {
        return libraryId;
    }

    /** The pair within its run, or null. */
    public String pairId() {
        return pairId;
    }

    /** The campaign it was measured in, or null. */
    public String campaignId() {
        return campaignId;
    }

    /** The campaign cycle, or null. */
    public Integer cycle() {
        return cycle;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** The in-silico lab's noiseless expression of the member, or null (a real lab's). */
    public Double truth() {
        return truth;
    }

    /** True for a measurement of a campaign's test library: a campaign, no cycle. */
    public boolean ofTestLibrary() {
        return campaignId != null && cycle == null;
    }

    /** Records the truth the measurement was simulated from; null for a real lab's. */
    public MeasurementEntity withTruth(final Double value) {
        this.truth = value;
        return this;
    }

    /**
     * Marks the measurement as made in a campaign's cycle, or, with a null cycle, in its test
     * library.
     */
    public MeasurementEntity inCampaign(final String campaign, final Integer campaignCycle) {
        this.campaignId = campaign;
        this.cycle = campaignCycle;
        return this;
    }
}
