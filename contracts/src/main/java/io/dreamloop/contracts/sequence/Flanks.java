package io.dreamloop.contracts.sequence;

import java.util.Objects;

/**
 * The constant sequences around a designed variable region; a synthesis-ready oligo is {@code
 * upstream + variable + downstream}.
 *
 * @param upstream the 5' constant sequence
 * @param downstream the 3' constant sequence
 */
public record Flanks(DnaSequence upstream, DnaSequence downstream) {

    /** The DREAM 2022 adapters: 17-bp 5' and 13-bp 3' around the 80-bp variable region. */
    public static final Flanks DREAM_2022 =
            new Flanks(DnaSequence.of("TGCATTTTTTTCACATC"), DnaSequence.of("GGTTACGGCTGTT"));

    public Flanks {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(downstream, "downstream");
    }

    /** The full oligo for a variable region. */
    public DnaSequence wrap(final DnaSequence variable) {
        return variable.between(upstream, downstream);
    }

    /** Whether {@code bases} start with {@code upstream} and end with {@code downstream}, apart. */
    public boolean carriedBy(final String bases) {
        return bases.length() >= upstream.length() + downstream.length()
                && bases.startsWith(upstream.bases())
                && bases.endsWith(downstream.bases());
    }

    /**
     * The variable region of a full oligo.
     *
     * @throws IllegalArgumentException when the oligo does not start with {@code upstream} and end
     *     with {@code downstream}
     */
    public DnaSequence unwrap(final DnaSequence oligo) {
        final String bases = oligo.bases();
        final int end = bases.length() - downstream.length();
        if (!carriedBy(bases)) {
            throw new IllegalArgumentException(
                    "oligo %s does not carry the flanks %s...%s"
                            .formatted(oligo, upstream, downstream));
        }
        return oligo.subsequence(upstream.length(), end);
    }
}
