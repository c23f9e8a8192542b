package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import java.util.List;

/**
 * How the paired generators name and emit a pair: two members, alt then ref, with ids {@code
 * <pairId>-alt} and {@code <pairId>-ref} and {@code pairId = <prefix>-<subset>-<n>}.
 */
final class Pairs {
    private Pairs() {}

    /** The pair id of the {@code index}-th pair, e.g. {@code lib-snv-000012}. */
    static String pairId(final String idPrefix, final Subset subset, final int index) {
        return "%s-%s-%06d".formatted(idPrefix, subset.wireName(), index);
    }

    /** The two members of pair {@code index}. */
    static List<LibraryMember> pair(
            final String idPrefix,
            final Subset subset,
            final int index,
            final DnaSequence alt,
            final String altMethod,
            final DnaSequence ref,
            final String refMethod) {
        final String pairId = pairId(idPrefix, subset, index);
        return List.of(
                new LibraryMember(pairId + "-alt", subset, pairId, alt, altMethod, null),
                new LibraryMember(pairId + "-ref", subset, pairId, ref, refMethod, null));
    }

    /** {@code background} with {@code site} written over it from {@code offset} (0-based). */
    static DnaSequence write(
            final DnaSequence background, final DnaSequence site, final int offset) {
        final String bases = background.bases();
        return DnaSequence.of(
                bases.substring(0, offset)
                        + site.bases()
                        + bases.substring(offset + site.length()));
    }

    /**
     * @throws IllegalArgumentException when {@code count} is negative
     */
    static void requireCount(final int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, but was " + count);
        }
    }
}
