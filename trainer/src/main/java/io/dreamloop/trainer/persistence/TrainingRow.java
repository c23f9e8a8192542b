package io.dreamloop.trainer.persistence;

import java.util.Objects;

/**
 * One measured sequence as training or evaluation data.
 *
 * @param id unique in the data set ({@code <run>/<member>}, or {@code file:<name>:<line>})
 * @param sequence the full measured sequence
 * @param value the measurement
 * @param subset the library subset's wire name, or null when unknown
 * @param pairKey the pair it belongs to, unique in the data set, or null
 * @param truth the in-silico lab's noiseless expression of it, or null (a real lab's)
 */
public record TrainingRow(
        String id, String sequence, double value, String subset, String pairKey, Double truth) {
    public TrainingRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sequence, "sequence");
    }

    /** A row without a known truth. */
    public TrainingRow(
            final String id,
            final String sequence,
            final double value,
            final String subset,
            final String pairKey) {
        this(id, sequence, value, subset, pairKey, null);
    }
}
