package io.dreamloop.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The scale a measurement is on. Values on different scales are never mixed silently: the trainer
 * keeps them apart or maps them explicitly.
 */
public enum ExpressionScale {
    /** Mean sorting-bin index on the 18-bin DREAM training scale, 0..17. */
    BIN_INDEX,
    /** MAUDE's maximum-likelihood mean, in population standard deviations. */
    MAUDE_MEAN,
    /** MAUDE mean minus the mean of the negative controls. */
    MAUDE_Z,
    /** Any other assay's own units (MPRA log ratio, STARR-seq enrichment, ...). */
    ASSAY_NATIVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ExpressionScale fromWireName(final String name) {
        for (final ExpressionScale s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown expression scale '%s'".formatted(name));
    }
}
