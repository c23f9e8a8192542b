package io.dreamloop.contracts.event;

import io.dreamloop.contracts.sequence.Subset;
import java.util.Objects;

/**
 * How many sequences of one subset a library asks for (for paired subsets: how many pairs).
 *
 * @param subset the subset
 * @param count at least 1
 */
public record SubsetQuota(Subset subset, int count) {
    public SubsetQuota {
        Objects.requireNonNull(subset, "subset");
        if (count < 1) {
            throw new IllegalArgumentException(
                    "count for subset '%s' must be >= 1, but was %d"
                            .formatted(subset.wireName(), count));
        }
    }
}
