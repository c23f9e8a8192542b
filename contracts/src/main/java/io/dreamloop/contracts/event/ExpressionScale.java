package io.dreamloop.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dreamloop.contracts.vocabulary.WireNames;

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
        return WireNames.of(this);
    }

    @JsonCreator
    public static ExpressionScale fromWireName(final String name) {
        return WireNames.parse(ExpressionScale.class, name, "expression scale");
    }
}
