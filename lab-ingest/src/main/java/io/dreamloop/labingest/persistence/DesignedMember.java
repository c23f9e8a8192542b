package io.dreamloop.labingest.persistence;

import io.dreamloop.contracts.sequence.Subset;
import java.util.Objects;

/**
 * What a measurement carries of its library member besides the counts.
 *
 * @param subset the member's subset
 * @param pairId its pair in a paired subset, else null
 * @param truth the in-silico lab's noiseless expression of it, else null
 */
public record DesignedMember(Subset subset, String pairId, Double truth) {
    public DesignedMember {
        Objects.requireNonNull(subset, "subset");
    }
}
