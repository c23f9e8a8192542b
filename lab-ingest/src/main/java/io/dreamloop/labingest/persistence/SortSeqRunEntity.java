package io.dreamloop.labingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A sort-seq run: its gates as received, and whether its expression values exist yet or why
 * estimating them failed.
 */
@Entity
@Table(name = "sortseq_run")
public class SortSeqRunEntity {
    /** The longest failure reason kept, the column's width. */
    private static final int MAX_FAILURE = 2000;

    @Id
    @Column(name = "run_id")
    private String runId;

    @Column(name = "library_id", nullable = false)
    private String libraryId;

    @Column(name = "gates", nullable = false)
    private String gates;

    @Column(name = "cells_per_bin", nullable = false)
    private String cellsPerBin;

    @Column(name = "negative_controls", nullable = false)
    private String negativeControls;

    @Column(name = "chunk_count", nullable = false)
    private int chunkCount;

    @Column(name = "estimated", nullable = false)
    private boolean estimated;

    @Column(name = "failure")
    private String failure;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected SortSeqRunEntity() {}

    public SortSeqRunEntity(
            final String runId,
            final String libraryId,
            final String gates,
            final String cellsPerBin,
            final String negativeControls,
            final int chunkCount) {
        this.runId = runId;
        this.libraryId = libraryId;
        this.gates = gates;
        this.cellsPerBin = cellsPerBin;
        this.negativeControls = negativeControls;
        this.chunkCount = chunkCount;
        this.receivedAt = Instant.now();
    }

    public void estimated() {
        this.estimated = true;
        this.failure = null;
    }

    /** Marks the run failed: its counts are kept, it has no estimates, it may be replaced. */
    public void fail(final String reason) {
        this.failure = reason.length() > MAX_FAILURE ? reason.substring(0, MAX_FAILURE) : reason;
    }

    /** Why estimating the run failed, or null. */
    public String failure() {
        return failure;
    }

    /** True when estimating the run failed. */
    public boolean isFailed() {
        return failure != null;
    }

    public String runId() {
        return runId;
    }

    public String libraryId() {
        return libraryId;
    }

    public String gates() {
        return gates;
    }

    public String cellsPerBin() {
        return cellsPerBin;
    }

    /** Member ids of the negative controls, comma-separated, empty when none. */
    public String negativeControls() {
        return negativeControls;
    }

    /** When the first chunk arrived. */
    public Instant receivedAt() {
        return receivedAt;
    }

    public int chunkCount() {
        return chunkCount;
    }

    public boolean isEstimated() {
        return estimated;
    }
}
