package io.dreamloop.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dreamloop.contracts.vocabulary.WireNames;

/**
 * How a member's expression was estimated from its sorted reads. Lab-ingest estimates every run
 * both ways; the trainer trains on one of them (configuration) and never mixes the two. {@link
 * MeasurementsRecorded#method()} carries the wire name: the released v1 contract is an open string,
 * so measurements estimated elsewhere by another method still travel (and are kept apart).
 */
public enum EstimationMethod {
    /** MAUDE's per-sequence maximum-likelihood mean on the population's z scale (SPEC §5.2). */
    MAUDE,
    /** The read-weighted mean of the bin indices, the DREAM training data's own estimate. */
    BIN_WEIGHTED_MEAN;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static EstimationMethod fromWireName(final String name) {
        return WireNames.parse(EstimationMethod.class, name, "estimation method");
    }
}
