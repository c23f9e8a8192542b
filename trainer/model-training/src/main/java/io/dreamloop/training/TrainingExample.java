package io.dreamloop.training;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.Objects;

/**
 * One measured DREAM training row: a sequence as measured (~110 bp with both adapters) and its
 * expression on the bin scale (0..17).
 *
 * @param sequence the measured sequence
 * @param value the measured expression, finite
 */
public record TrainingExample(DnaSequence sequence, double value) {

    /**
     * @throws IllegalArgumentException when the value is NaN or infinite
     */
    public TrainingExample {
        Objects.requireNonNull(sequence, "sequence");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, but was " + value);
        }
    }

    /** A row from a sequence string (upper-case A, C, G, T, N) and a value. */
    public static TrainingExample of(final String sequence, final double value) {
        return new TrainingExample(DnaSequence.of(sequence), value);
    }

    /**
     * The is_singleton flag (SPEC §1.3, 5.1): the value is an integer, i.e. the sequence was seen
     * in one cell, so its value is a single bin index. Python's {@code float.is_integer()}.
     */
    public boolean singleton() {
        return value == Math.rint(value);
    }
}
