package io.dreamloop.designer.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.contracts.vocabulary.WireNames;

/** What a campaign's cycles after the first are for. */
public enum CampaignObjective {
    /**
     * A better model: each cycle's random candidates are chosen by the campaign's acquisition
     * strategy with the ensemble.
     */
    MODEL(null),
    /**
     * The highest expression: each cycle the GA designs the batch on the ensemble's upper
     * confidence bound (mean + kappa sd).
     */
    MAXIMIZE(Subset.HIGH),
    /** The lowest expression: the GA designs on the lower confidence bound (mean - kappa sd). */
    MINIMIZE(Subset.LOW);

    private final Subset designs;

    CampaignObjective(final Subset designs) {
        this.designs = designs;
    }

    /** The subset a design cycle fills ({@code high} or {@code low}); null for {@link #MODEL}. */
    public Subset designs() {
        return designs;
    }

    /** The wire name, e.g. {@code maximize}. */
    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    /**
     * @throws IllegalArgumentException listing the accepted names
     */
    @JsonCreator
    public static CampaignObjective fromWireName(final String name) {
        return WireNames.parse(CampaignObjective.class, name, "objective");
    }
}
