package io.dreamloop.contracts.sequence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException listing the accepted names
     */
    @JsonCreator
    public static Subset fromWireName(final String name) {
        for (final Subset s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown subset '%s'; known: %s"
                        .formatted(
                                name,
                                Arrays.stream(values())
                                        .map(Subset::wireName)
                                        .collect(Collectors.joining(", "))));
    }
}
