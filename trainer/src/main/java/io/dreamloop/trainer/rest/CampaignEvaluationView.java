package io.dreamloop.trainer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.trainer.persistence.CampaignEvaluationEntity;
import io.dreamloop.trainer.service.CycleBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A campaign's cycles scored on its test library, as the API shows them.
 *
 * @param campaignId the campaign
 * @param testLibraryRows measurements of its test library on the training scale and method, 0 until
 *     it is measured
 * @param cycles one entry per scored cycle, ascending
 * @param batches per cycle what its library measured (how high and low the designs came out)
 */
public record CampaignEvaluationView(
        String campaignId, int testLibraryRows, List<Cycle> cycles, List<CycleBatch> batches) {

    /**
     * One cycle's ensemble on the test library.
     *
     * @param cycle the cycle
     * @param models the ensemble's members
     * @param testRows the rows it was scored on
     * @param metrics the scores ({@link io.dreamloop.trainer.service.CampaignEvaluation})
     * @param evaluatedAt when
     */
    public record Cycle(
            int cycle, List<String> models, int testRows, JsonNode metrics, Instant evaluatedAt) {
        static Cycle of(final CampaignEvaluationEntity e) {
            try {
                return new Cycle(
                        e.key().cycle(),
                        Arrays.asList(e.modelVersions().split(",")),
                        e.testRows(),
                        EventCodec.instance().mapper().readTree(e.metrics()),
                        e.evaluatedAt());
            } catch (final IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
