package io.dreamloop.designer.design;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.Objects;

/**
 * One record of a FASTA file: the name (first word of the header), the rest of the header, and the
 * bases, upper case A/C/G/T/N.
 *
 * <p>The bases are a string rather than a {@link io.dreamloop.contracts.sequence.DnaSequence}
 * because a promoter or chromosome can be longer than a designed sequence may be.
 *
 * @param name the record name, non-blank without white space, e.g. {@code YDL047W}
 * @param description the rest of the header line, possibly empty
 * @param bases the sequence, at least one base
 */
public record FastaRecord(String name, String description, String bases) {

    /**
     * @throws IllegalArgumentException on a blank name, white space in the name, empty bases or a
     *     character other than A, C, G, T, N
     */
    public FastaRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(bases, "bases");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "FASTA record name '%s' must be one word".formatted(name));
        }
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("FASTA record '%s' has no bases".formatted(name));
        }
        for (int i = 0; i < bases.length(); i++) {
            if (DnaSequence.ALPHABET.indexOf(bases.charAt(i)) < 0) {
                throw new IllegalArgumentException(
                        "FASTA record '%s' has '%s' at position %d; only A, C, G, T, N are allowed"
                                .formatted(name, bases.charAt(i), i + 1));
            }
        }
    }

    /** Number of bases. */
    public int length() {
        return bases.length();
    }
}
