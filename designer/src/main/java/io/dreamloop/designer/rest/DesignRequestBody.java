package io.dreamloop.designer.rest;

import io.dreamloop.contracts.event.DesignOptions;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body of {@code POST /libraries}. Only {@code quotas} and {@code seed} are required.
 *
 * @param libraryId the id to give the library; generated when absent
 * @param quotas sequences per subset, e.g. {@code {"random": 1000}}
 * @param seed the seed of every random choice
 * @param variableLength variable-region length, default 80
 * @param upstream 5' flank, default the DREAM 2022 adapter
 * @param downstream 3' flank, default the DREAM 2022 adapter
 * @param constraints library constraints, default none
 * @param campaignId the campaign this library belongs to, if any
 * @param options models, GA preset and native promoters for model-guided and native subsets
 */
public record DesignRequestBody(
        String libraryId,
        Map<String, Integer> quotas,
        Long seed,
        Integer variableLength,
        String upstream,
        String downstream,
        LibraryConstraints constraints,
        String campaignId,
        DesignOptions options) {

    /**
     * @throws IllegalArgumentException naming the missing or invalid field
     */
    public DesignRequested toEvent() {
        if (quotas == null || quotas.isEmpty()) {
            throw new IllegalArgumentException("'quotas' is required, e.g. {\"random\": 1000}");
        }
        if (seed == null) {
            throw new IllegalArgumentException("'seed' is required: every library is reproducible");
        }
        final List<SubsetQuota> parsed =
                quotas.entrySet().stream()
                        .map(e -> new SubsetQuota(Subset.fromWireName(e.getKey()), e.getValue()))
                        .toList();
        final String id =
                libraryId != null
                        ? libraryId
                        : "lib-" + UUID.randomUUID().toString().substring(0, 8);
        final Flanks flanks =
                new Flanks(
                        upstream == null
                                ? Flanks.DREAM_2022.upstream()
                                : DnaSequence.parse(upstream),
                        downstream == null
                                ? Flanks.DREAM_2022.downstream()
                                : DnaSequence.parse(downstream));
        final Lineage lineage = new Lineage(campaignId, null, id, null, null);
        return new DesignRequested(
                EventTypes.header(DesignRequested.class, lineage),
                id,
                parsed,
                variableLength == null ? 80 : variableLength,
                flanks,
                constraints == null ? LibraryConstraints.NONE : constraints,
                seed,
                options);
    }
}
