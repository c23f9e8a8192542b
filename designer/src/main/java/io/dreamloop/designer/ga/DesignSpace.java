package io.dreamloop.designer.ga;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.designer.constraint.ConstraintCheck;
import java.util.Objects;

/**
 * The sequences a design may return: variable regions of one length that, wrapped in the flanks,
 * meet the library's constraints.
 *
 * @param length bases of the variable region, at least 2 (two-point crossover needs two cut points)
 * @param flanks the constant sequences around it, needed to find forbidden sites across the joins
 * @param constraints GC range, homopolymers, forbidden sites and minimum Hamming distance
 */
public record DesignSpace(int length, Flanks flanks, LibraryConstraints constraints) {

    /**
     * @throws IllegalArgumentException when the length is out of range
     */
    public DesignSpace {
        if (length < 2 || length > DnaSequence.MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "length must be in [2, %d], but was %d"
                            .formatted(DnaSequence.MAX_LENGTH, length));
        }
        Objects.requireNonNull(flanks, "flanks");
        Objects.requireNonNull(constraints, "constraints");
    }

    /** 80-bp variable regions in the DREAM 2022 flanks. */
    public static DesignSpace dream2022(final LibraryConstraints constraints) {
        return new DesignSpace(80, Flanks.DREAM_2022, constraints);
    }

    /** The check of these constraints in these flanks. */
    public ConstraintCheck check() {
        return new ConstraintCheck(constraints, flanks);
    }
}
