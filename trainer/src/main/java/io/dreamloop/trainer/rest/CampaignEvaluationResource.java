package io.dreamloop.trainer.rest;

import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.mapping.PredictionTable;
import io.dreamloop.trainer.persistence.EvaluationStore;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.service.CycleBatch;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A campaign's cycles scored on its test library, and what each cycle's batch measured. The
 * designer owns the campaign; the trainer owns its scores, so an unknown campaign has no test rows
 * and no scored cycle rather than a 404.
 */
@Path("/campaigns/{campaignId}/evaluation")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignEvaluationResource {
    private final EvaluationStore evaluations;
    private final MeasurementStore measurements;
    private final TrainerConfig config;

    @Inject
    public CampaignEvaluationResource(
            final EvaluationStore evaluations,
            final MeasurementStore measurements,
            final TrainerConfig config) {
        this.evaluations = evaluations;
        this.measurements = measurements;
        this.config = config;
    }

    @GET
    @Transactional
    public CampaignEvaluationView evaluation(@PathParam("campaignId") final String campaignId) {
        return new CampaignEvaluationView(
                campaignId,
                (int)
                        measurements.testLibraryCount(
                                config.training().scale(),
                                config.training().method().wireName(),
                                campaignId),
                evaluations.of(campaignId).stream().map(CampaignEvaluationView.Cycle::of).toList(),
                CycleBatch.of(
                        measurements.cycleValues(
                                config.training().scale(),
                                config.training().method().wireName(),
                                campaignId)));
    }

    /**
     * A scored cycle's predictions of the test library beside the measurements, as TSV: {@code
     * row_id, subset, pair, measured, truth, predicted} (truth empty for a real lab's).
     *
     * @throws NotFoundException 404 when the cycle is not scored
     */
    @GET
    @Path("/{cycle}/predictions")
    @Produces({MediaType.APPLICATION_JSON, PredictionTable.MEDIA_TYPE})
    @Transactional
    public Response predictions(
            @PathParam("campaignId") final String campaignId, @PathParam("cycle") final int cycle) {
        final Map<String, Double> predicted =
                evaluations
                        .find(campaignId, cycle)
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "campaign '%s' has no cycle %d scored on its test library"
                                                        .formatted(campaignId, cycle)))
                        .predictions();
        return Response.ok(
                        PredictionTable.tsv(
                                measurements.testLibraryRows(
                                        config.training().scale(),
                                        config.training().method().wireName(),
                                        campaignId),
                                predicted),
                        PredictionTable.MEDIA_TYPE)
                .build();
    }
}
