package io.dreamloop.trainer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A training run and its latest progress, so it can be watched and survives restarts. */
@Entity
@Table(name = "training_run")
public class TrainingRunEntity {
    /** States of a run. */
    public enum State {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED;

        /** True once the run will not change again. */
        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    @Id
    @Column(name = "run_id")
    private String runId;

    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "trigger_reason", nullable = false)
    private String trigger;

    @Column(name = "architecture", nullable = false)
    private String architecture;

    @Column(name = "mode", nullable = false)
    private String mode;

    @Column(name = "reason")
    private String reason;

    @Column(name = "epoch", nullable = false)
    private int epoch;

    @Column(name = "epochs", nullable = false)
    private int epochs;

    @Column(name = "step", nullable = false)
    private long step;

    @Column(name = "total_steps", nullable = false)
    private long totalSteps;

    @Column(name = "loss")
    private Double loss;

    @Column(name = "validation_r")
    private Double validationR;

    @Column(name = "examples_per_second")
    private Double examplesPerSecond;

    @Column(name = "training_rows", nullable = false)
    private int trainingRows;

    @Column(name = "validation_rows", nullable = false)
    private int validationRows;

    @Column(name = "skipped_flagged_rows", nullable = false)
    private int skippedFlaggedRows;

    @Column(name = "model_size")
    private String modelSize;

    @Column(name = "batch_size")
    private Integer batchSize;

    @Column(name = "max_lr")
    private Double maxLr;

    @Column(name = "measurements_seen", nullable = false)
    private long measurementsSeen;

    @Column(name = "model_version")
    private String modelVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "campaign_id")
    private String campaignId;

    @Column(name = "cycle")
    private Integer cycle;

    @Column(name = "ensemble_index")
    private Integer ensembleIndex;

    @Column(name = "ensemble_size")
    private Integer ensembleSize;

    @Column(name = "champion")
    private Boolean champion;

    @Column(name = "held_out_r")
    private Double heldOutR;

    @Column(name = "served_version")
    private String servedVersion;

    @Column(name = "served_r")
    private Double servedR;

    protected TrainingRunEntity() {}

    /** A queued run. */
    public TrainingRunEntity(
            final String runId,
            final String trigger,
            final String architecture,
            final String mode,
            final int epochs,
            final long measurementsSeen) {
        this.runId = runId;
        this.state = State.QUEUED.name();
        this.trigger = trigger;
        this.architecture = architecture;
        this.mode = mode;
        this.epochs = epochs;
        this.measurementsSeen = measurementsSeen;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /**
     * Records the settings beyond architecture, mode and epochs that the run trains with.
     *
     * @param maxLr the peak rate, or null for the recipe's
     * @return this run
     */
    public TrainingRunEntity withSettings(
            final String modelSize, final int batchSize, final Double maxLr) {
        this.modelSize = modelSize;
        this.batchSize = batchSize;
        this.maxLr = maxLr;
        return this;
    }

    /** The model size it trains, null for runs from before it was recorded. */
    public String modelSize() {
        return modelSize;
    }

    /** Examples per step, null for runs from before it was recorded. */
    public Integer batchSize() {
        return batchSize;
    }

    /** The peak rate asked for, null for the recipe's. */
    public Double maxLr() {
        return maxLr;
    }

    /** Running on this many rows, having left out {@code skippedFlagged} flagged ones. */
    public void running(final int training, final int validation, final long skippedFlagged) {
        this.state = State.RUNNING.name();
        this.trainingRows = training;
        this.validationRows = validation;
        this.skippedFlaggedRows = (int) skippedFlagged;
        this.updatedAt = Instant.now();
    }

    /** The latest progress. */
    public void progress(
            final int epoch,
            final long step,
            final long totalSteps,
            final double loss,
            final double validationR,
            final double examplesPerSecond) {
        this.epoch = epoch;
        this.step = step;
        this.totalSteps = totalSteps;
        this.loss = Double.isFinite(loss) ? loss : null;
        // Boxed on both sides: a mid-epoch step before any validation keeps null, not unboxes it.
        this.validationR =
                Double.isFinite(validationR) ? Double.valueOf(validationR) : this.validationR;
        this.examplesPerSecond = Double.isFinite(examplesPerSecond) ? examplesPerSecond : null;
        this.updatedAt = Instant.now();
    }

    /** Finished in some state, with a reason for failures and cancellations. */
    public void finish(final State end, final String why, final String version) {
        this.state = end.name();
        this.reason = why;
        this.modelVersion = version;
        this.updatedAt = Instant.now();
    }

    /**
     * Whether its version became champion, with both numbers (the sentence is the reason).
     *
     * @param becameChampion the decision
     * @param r the new version's held-out Pearson r
     * @param served the served champion it was compared with, or null when none was served
     * @param servedPearson that version's r on the same rows, or null when it was not scored
     */
    public void decided(
            final boolean becameChampion,
            final double r,
            final String served,
            final Double servedPearson) {
        this.champion = becameChampion;
        this.heldOutR = Double.isFinite(r) ? r : null;
        this.servedVersion = served;
        this.servedR =
                servedPearson == null || !Double.isFinite(servedPearson) ? null : servedPearson;
        this.updatedAt = Instant.now();
    }

    public String runId() {
        return runId;
    }

    public State state() {
        return State.valueOf(state);
    }

    public String trigger() {
        return trigger;
    }

    public String architecture() {
        return architecture;
    }

    public String mode() {
        return mode;
    }

    public String reason() {
        return reason;
    }

    public int epoch() {
        return epoch;
    }

    public int epochs() {
        return epochs;
    }

    public long step() {
        return step;
    }

    public long totalSteps() {
        return totalSteps;
    }

    public Double loss() {
        return loss;
    }

    public Double validationR() {
        return validationR;
    }

    public Double examplesPerSecond() {
        return examplesPerSecond;
    }

    public int trainingRows() {
        return trainingRows;
    }

    public int validationRows() {
        return validationRows;
    }

    /** Measurements left out for their lab QC flags. */
    public int skippedFlaggedRows() {
        return skippedFlaggedRows;
    }

    public long measurementsSeen() {
        return measurementsSeen;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Makes this run one member of a campaign cycle's ensemble. */
    public TrainingRunEntity forCampaign(
            final String campaign, final int campaignCycle, final int index, final int size) {
        this.campaignId = campaign;
        this.cycle = campaignCycle;
        this.ensembleIndex = index;
        this.ensembleSize = size;
        return this;
    }

    /** The campaign this run trains for, or null. */
    public String campaignId() {
        return campaignId;
    }

    /** The campaign cycle, or null. */
    public Integer cycle() {
        return cycle;
    }

    /** The member of the cycle's ensemble, or null. */
    public Integer ensembleIndex() {
        return ensembleIndex;
    }

    /** The size of the cycle's ensemble, or null. */
    public Integer ensembleSize() {
        return ensembleSize;
    }

    /** Whether its version became champion; null until a version is decided on. */
    public Boolean champion() {
        return champion;
    }

    /** The new version's held-out Pearson r, or null. */
    public Double heldOutR() {
        return heldOutR;
    }

    /** The served champion the new version was compared with, or null. */
    public String servedVersion() {
        return servedVersion;
    }

    /** The served champion's Pearson r on the same held-out rows, or null. */
    public Double servedR() {
        return servedR;
    }
}
