package io.dreamloop.contracts.sequence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dreamloop.contracts.vocabulary.WireNames;

/**
 * The test-library subsets of the Random Promoter DREAM Challenge 2022. Paired subsets are scored
 * on differences between the members of a pair, so their members always travel with a pair id.
 */
public enum Subset {
    HIGH(false),
    LOW(false),
    NATIVE(false),
    RANDOM(false),
    CHALLENGING(false),
    SNV(true),
    MOTIF_PERTURBATION(true),
    MOTIF_TILING(true);

    private final boolean paired;

    Subset(final boolean paired) {
        this.paired = paired;
    }

    /** True for subsets whose members come in (alt, ref) pairs. */
    public boolean paired() {
        return paired;
    }

    /** The wire name: lower case with hyphens, e.g. {@code motif-perturbation}. */
    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    /**
     * @throws IllegalArgumentException listing the accepted names
     */
    @JsonCreator
    public static Subset fromWireName(final String name) {
        return WireNames.parse(Subset.class, name, "subset");
    }
}
