package io.dreamloop.contracts.event;

import java.util.List;

/**
 * Reads of one library member: in the unsorted library and in each sorting bin.
 *
 * @param memberId the library member
 * @param unsortedReads reads in the unsorted library, >= 0
 * @param binReads reads per bin, in gate order, each >= 0
 */
public record SequenceCounts(String memberId, long unsortedReads, List<Long> binReads) {
    public SequenceCounts {
        Ids.require(memberId, "memberId");
        if (unsortedReads < 0) {
            throw new IllegalArgumentException(
                    "member '%s': unsorted reads must be >= 0, but was %d"
                            .formatted(memberId, unsortedReads));
        }
        binReads = Lists.nonEmptyCopy(binReads, "binReads of " + memberId);
        for (int b = 0; b < binReads.size(); b++) {
            if (binReads.get(b) < 0) {
                throw new IllegalArgumentException(
                        "member '%s': reads in bin %d must be >= 0, but was %d"
                                .formatted(memberId, b + 1, binReads.get(b)));
            }
        }
    }
}
