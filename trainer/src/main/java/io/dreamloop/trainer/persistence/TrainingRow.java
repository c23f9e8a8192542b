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
 */
public record TrainingRow(String id, String sequence, double value, String subset, String pairKey) {
    public TrainingRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sequence, "sequence");
    }
}
