package io.dreamloop.contracts.event;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.List;
import java.util.Objects;

/**
 * Constraints every member of a synthesis-ready library must meet.
 *
 * @param minGc lowest GC fraction of the variable region, in [0, 1]
 * @param maxGc highest GC fraction, in [minGc, 1]
 * @param maxHomopolymer longest allowed run of one base, at least 1
 * @param minHammingDistance smallest Hamming distance between two unpaired members (0 = only
 *     distinct)
 * @param forbiddenSites sites (e.g. restriction sites) that may not occur on either strand of the
 *     full oligo
 */
public record LibraryConstraints(
        double minGc,
        double maxGc,
        int maxHomopolymer,
        int minHammingDistance,
        @OptionalField List<DnaSequence> forbiddenSites) {

    /** No constraint beyond distinct members. */
    public static final LibraryConstraints NONE = new LibraryConstraints(0, 1, 1_000, 0, List.of());

    public LibraryConstraints {
        if (!(0 <= minGc && minGc <= maxGc && maxGc <= 1)) {
            throw new IllegalArgumentException(
                    "GC range must satisfy 0 <= minGc <= maxGc <= 1, but was [%s, %s]"
                            .formatted(minGc, maxGc));
        }
        if (maxHomopolymer < 1) {
            throw new IllegalArgumentException(
                    "maxHomopolymer must be >= 1, but was %d".formatted(maxHomopolymer));
        }
        if (minHammingDistance < 0) {
            throw new IllegalArgumentException(
                    "minHammingDistance must be >= 0, but was %d".formatted(minHammingDistance));
        }
        forbiddenSites = forbiddenSites == null ? List.of() : List.copyOf(forbiddenSites);
        forbiddenSites.forEach(s -> Objects.requireNonNull(s, "forbidden site"));
    }
}
