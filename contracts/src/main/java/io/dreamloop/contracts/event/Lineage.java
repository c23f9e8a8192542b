package io.dreamloop.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The ids that answer "which campaign, cycle, library, run and model is this about". All optional:
 * an ad-hoc score request belongs to no campaign.
 *
 * <p>A campaign's test library belongs to the campaign and to none of its cycles: its lineage names
 * the campaign and no cycle ({@link #testLibrary}). It is measured once, never trained on, and
 * every cycle's ensemble is scored on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lineage(
        @OptionalField String campaignId,
        @OptionalField Integer cycle,
        @OptionalField String libraryId,
        @OptionalField String runId,
        @OptionalField String modelVersion) {

    public static final Lineage NONE = new Lineage(null, null, null, null, null);

    public Lineage {
        if (cycle != null && cycle < 0) {
            throw new IllegalArgumentException("cycle must be >= 0, but was %d".formatted(cycle));
        }
    }

    /** The lineage of a campaign's test library. */
    public static Lineage testLibrary(final String campaignId, final String libraryId) {
        Ids.require(campaignId, "campaignId");
        return new Lineage(campaignId, null, libraryId, null, null);
    }

    /** True for the lineage of a campaign's test library: a campaign and no cycle. */
    public boolean ofTestLibrary() {
        return campaignId != null && cycle == null;
    }

    public static Lineage ofLibrary(final String libraryId) {
        return new Lineage(null, null, libraryId, null, null);
    }

    public Lineage withLibrary(final String id) {
        return new Lineage(campaignId, cycle, id, runId, modelVersion);
    }

    public Lineage withRun(final String id) {
        return new Lineage(campaignId, cycle, libraryId, id, modelVersion);
    }

    public Lineage withModelVersion(final String version) {
        return new Lineage(campaignId, cycle, libraryId, runId, version);
    }
}
