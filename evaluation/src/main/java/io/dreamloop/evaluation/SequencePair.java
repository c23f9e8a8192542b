package io.dreamloop.evaluation;

import java.util.Objects;

/**
 * One pair of a paired subset, scored on the difference {@code value(alt) − value(ref)} for both
 * measured and predicted values.
 *
 * <p>Equality is ordered, as the reference's set of {@code (alt_pos, ref_pos)} tuples: {@code (a,
 * b)} and {@code (b, a)} are two pairs. Swapping every pair flips the sign of both differences,
 * which leaves r and ρ unchanged.
 *
 * <p>{@code alt} may equal {@code ref}: the real motif-tiling subset has one such pair ({@code
 * rand311_Mga1_58}, whose alt sequence is its reference), and the reference scores it as the point
 * (0, 0).
 *
 * @param alt the id of the variant (alternative) sequence
 * @param ref the id of the reference sequence
 */
public record SequencePair(String alt, String ref) {

    /**
     * @throws IllegalArgumentException when an id is blank
     */
    public SequencePair {
        Objects.requireNonNull(alt, "alt");
        Objects.requireNonNull(ref, "ref");
        if (alt.isBlank() || ref.isBlank()) {
            throw new IllegalArgumentException(
                    "pair ids must not be blank: alt '%s', ref '%s'".formatted(alt, ref));
        }
    }
}
