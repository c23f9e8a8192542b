package io.dreamloop.trainer.service;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.trainer.persistence.TrainingRow;
import io.dreamloop.training.TrainingExample;
import java.util.List;
import java.util.Objects;

/**
 * A run's data.
 *
 * @param train the training examples
 * @param heldOut the held-out rows the new version and the champion are scored on
 * @param skippedFlagged measurements left out for their lab QC flags
 */
record RunData(List<TrainingExample> train, HeldOut heldOut, long skippedFlagged) {
    RunData {
        train = List.copyOf(train);
        Objects.requireNonNull(heldOut, "heldOut");
        if (skippedFlagged < 0) {
            throw new IllegalArgumentException("skippedFlagged is negative: " + skippedFlagged);
        }
    }

    /** The held-out rows as examples, for the trainer's validation. */
    List<TrainingExample> heldOutExamples() {
        return heldOut.rows().stream().map(RunData::example).toList();
    }

    static TrainingExample example(final TrainingRow row) {
        return new TrainingExample(DnaSequence.of(row.sequence()), row.value());
    }
}
