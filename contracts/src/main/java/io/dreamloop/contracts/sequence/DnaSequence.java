package io.dreamloop.contracts.sequence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A DNA sequence over the alphabet {@code A, C, G, T, N}, upper case, 1 to {@value #MAX_LENGTH}
 * bases.
 *
 * <p>{@code N} is allowed because measured training data contains unresolved bases (25 of the 6,369
 * DREAM demo rows do); designed sequences must be {@linkplain #requireDefinite() definite}. Lower
 * case input is rejected rather than silently upper-cased: a lower-case base often marks masked
 * sequence in genome files, and guessing would hide that. Use {@link #parse(String)} to accept it
 * deliberately.
 *
 * <p>This type does not encode sequences for models; {@code predictor-model}'s {@code
 * SequenceEncoding} is the one owner of encodings.
 *
 * @param bases the bases, validated
 */
public record DnaSequence(String bases) implements Comparable<DnaSequence> {

    /** Longest accepted sequence: oligo pools are at most a few hundred bases, MPRA tiles ~1 kb. */
    public static final int MAX_LENGTH = 2_000;

    /**
     * The four bases, in the order designs draw them and tables list them (the models' one-hot
     * channel order is the encoding's own concern).
     */
    public static final String BASES = "ACGT";

    /** The accepted alphabet, in the order used for error messages: the four bases and N. */
    public static final String ALPHABET = BASES + "N";

    /**
     * @throws InvalidSequenceException naming the first offending position (1-based) and base
     */
    public DnaSequence {
        Objects.requireNonNull(bases, "bases");
        if (bases.isEmpty()) {
            throw new InvalidSequenceException("empty sequence");
        }
        if (bases.length() > MAX_LENGTH) {
            throw new InvalidSequenceException(
                    "sequence of length %d exceeds the maximum of %d bases"
                            .formatted(bases.length(), MAX_LENGTH));
        }
        for (int i = 0; i < bases.length(); i++) {
            final char base = bases.charAt(i);
            if (ALPHABET.indexOf(base) < 0) {
                throw new InvalidSequenceException(
                        "invalid base '%s' at position %d of %d (allowed: A, C, G, T, N)"
                                .formatted(printable(base), i + 1, bases.length()));
            }
        }
    }

    /** The strict factory, also used by JSON decoding. */
    @JsonCreator
    public static DnaSequence of(final String bases) {
        return new DnaSequence(bases);
    }

    /** Accepts lower case and surrounding white space, then validates like {@link #of(String)}. */
    public static DnaSequence parse(final String text) {
        Objects.requireNonNull(text, "text");
        return new DnaSequence(text.strip().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    @Override
    public String bases() {
        return bases;
    }

    public int length() {
        return bases.length();
    }

    public char baseAt(final int index) {
        return bases.charAt(index);
    }

    /** True when the sequence has no {@code N}. */
    public boolean isDefinite() {
        return bases.indexOf('N') < 0;
    }

    /**
     * @return this sequence
     * @throws InvalidSequenceException naming the first {@code N}
     */
    public DnaSequence requireDefinite() {
        final int n = bases.indexOf('N');
        if (n >= 0) {
            throw new InvalidSequenceException(
                    "unresolved base 'N' at position %d of %d; a designed sequence must be A, C, G, T only"
                            .formatted(n + 1, bases.length()));
        }
        return this;
    }

    /** The reverse complement (A↔T, C↔G, N↔N). */
    public DnaSequence reverseComplement() {
        final char[] out = new char[bases.length()];
        for (int i = 0; i < out.length; i++) {
            out[out.length - 1 - i] = complement(bases.charAt(i));
        }
        return new DnaSequence(new String(out));
    }

    /** Fraction of G and C among all bases (an {@code N} counts as neither). */
    public double gcFraction() {
        int gc = 0;
        for (int i = 0; i < bases.length(); i++) {
            final char b = bases.charAt(i);
            if (b == 'G' || b == 'C') {
                gc++;
            }
        }
        return (double) gc / bases.length();
    }

    /** Length of the longest run of one repeated base. */
    public int longestHomopolymer() {
        int best = 1;
        int run = 1;
        for (int i = 1; i < bases.length(); i++) {
            run = bases.charAt(i) == bases.charAt(i - 1) ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    /**
     * @throws IllegalArgumentException when the lengths differ
     */
    public int hammingDistance(final DnaSequence other) {
        requireSameLength(other);
        int d = 0;
        for (int i = 0; i < bases.length(); i++) {
            if (bases.charAt(i) != other.bases.charAt(i)) {
                d++;
            }
        }
        return d;
    }

    private void requireSameLength(final DnaSequence other) {
        if (other.length() != length()) {
            throw new IllegalArgumentException(
                    "Hamming distance needs equal lengths, but got %d and %d"
                            .formatted(length(), other.length()));
        }
    }

    /**
     * True when this sequence differs from {@code other} (of the same length) at fewer than {@code
     * bound} positions; stops counting at the bound, as most pairs of random sequences reach it
     * early.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public boolean hammingDistanceBelow(final DnaSequence other, final int bound) {
        requireSameLength(other);
        int d = 0;
        for (int i = 0; i < bases.length(); i++) {
            if (bases.charAt(i) != other.bases.charAt(i) && ++d >= bound) {
                return false;
            }
        }
        return d < bound;
    }

    /** The sequence with {@code prefix} before and {@code suffix} after it. */
    public DnaSequence between(final DnaSequence prefix, final DnaSequence suffix) {
        return new DnaSequence(prefix.bases + bases + suffix.bases);
    }

    /** Bases {@code from} (inclusive) to {@code to} (exclusive), 0-based. */
    public DnaSequence subsequence(final int from, final int to) {
        return new DnaSequence(bases.substring(from, to));
    }

    /** True if {@code site} or its reverse complement occurs in this sequence. */
    public boolean containsEitherStrand(final DnaSequence site) {
        return bases.contains(site.bases) || bases.contains(site.reverseComplement().bases);
    }

    @Override
    public int compareTo(final DnaSequence other) {
        return bases.compareTo(other.bases);
    }

    @Override
    public String toString() {
        return bases;
    }

    private static char complement(final char base) {
        return switch (base) {
            case 'A' -> 'T';
            case 'T' -> 'A';
            case 'C' -> 'G';
            case 'G' -> 'C';
            default -> 'N';
        };
    }

    private static String printable(final char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? "\\u%04x".formatted((int) c)
                : String.valueOf(c);
    }
}
