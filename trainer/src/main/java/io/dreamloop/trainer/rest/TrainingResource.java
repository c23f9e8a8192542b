package io.dreamloop.trainer.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.dreamloop.trainer.service.RunSettings;
import io.dreamloop.trainer.service.TrainingService;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Training runs (start, watch, cancel) and the model registry. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {
    private static final ObjectReader SETTINGS =
            new ObjectMapper()
                    .readerFor(RunSettings.Request.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TrainingService training;
    private final ModelRegistry registry;

    @Inject
    public TrainingResource(final TrainingService training, final ModelRegistry registry) {
        this.training = training;
        this.registry = registry;
    }

    /** Starts a run on everything measured so far; 202 with the run's id. */
    /**
     * Queues a run. An optional JSON body overrides the trainer's configuration for this run:
     * {@code architecture}, {@code size}, {@code mode} ({@code fine-tune} or {@code scratch}),
     * {@code epochs}, {@code batchSize}, {@code maxLr}; 400 names an invalid one, and nothing is
     * queued then.
     */
    @POST
    @Path("/training")
    public Response start(final String body) {
        final String runId = training.start("request", settings(body));
        return Response.accepted(Map.of("runId", runId))
                .location(URI.create("/training/runs/" + runId))
                .build();
    }

    /**
     * The run request in a body read as text: a POST with no body and no content type ({@code curl
     * -X POST}) starts a run with the trainer's settings; a field the request does not know is
     * refused, not ignored.
     */
    private static RunSettings.Request settings(final String body) {
        if (body == null || body.isBlank()) {
            return RunSettings.Request.NONE;
        }
        try {
            return SETTINGS.readValue(body);
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the run request is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** Every run, newest first. */
    @GET
    @Path("/training/runs")
    @Transactional
    public List<TrainingRunView> runs() {
        return registry.runs().stream().map(TrainingRunView::of).toList();
    }

    /** One run with its latest progress. */
    @GET
    @Path("/training/runs/{runId}")
    @Transactional
    public TrainingRunView run(@PathParam("runId") final String runId) {
        return TrainingRunView.of(find(runId));
    }

    /** Asks a queued or running run to stop before its next batch. */
    @POST
    @Path("/training/runs/{runId}/cancel")
    @Transactional
    public Response cancel(@PathParam("runId") final String runId) {
        final TrainingRunEntity run = find(runId);
        if (run.state().finished() || !training.cancel(runId)) {
            throw new WebApplicationException(
                    "run '%s' is %s and cannot be cancelled"
                            .formatted(runId, run.state().name().toLowerCase()),
                    Response.Status.CONFLICT);
        }
        return Response.accepted(Map.of("runId", runId, "cancelling", true)).build();
    }

    /** Every registered version, newest first. */
    @GET
    @Path("/models")
    @Transactional
    public List<ModelVersionView> models() {
        return registry.versions().stream().map(ModelVersionView::of).toList();
    }

    /** The champion, when it is a version of this registry. */
    @GET
    @Path("/models/champion")
    @Transactional
    public ModelVersionView champion() {
        return registry.champion()
                .map(ModelVersionView::of)
                .orElseThrow(
                        () ->
                                new NotFoundException(
                                        registry.served()
                                                .map(
                                                        s ->
                                                                "no version of this registry is champion: the predictor serves %s (%s); see /models/served"
                                                                        .formatted(
                                                                                s.modelVersion(),
                                                                                s.description()))
                                                .orElse("no champion yet: no run has finished")));
    }

    /** The champion the predictor serves, whatever its origin: what new versions compete with. */
    @GET
    @Path("/models/served")
    @Transactional
    public ServedChampionView served() {
        return registry.served()
                .map(ServedChampionView::of)
                .orElseThrow(
                        () ->
                                new NotFoundException(
                                        "the predictor serves no champion yet (no champion model-published seen)"));
    }

    /** One version. */
    @GET
    @Path("/models/{version}")
    @Transactional
    public ModelVersionView model(@PathParam("version") final String version) {
        final ModelVersionEntity v =
                registry.version(version)
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "unknown model version '%s'".formatted(version)));
        return ModelVersionView.of(v);
    }

    private TrainingRunEntity find(final String runId) {
        return registry.run(runId)
                .orElseThrow(
                        () -> new NotFoundException("unknown training run '%s'".formatted(runId)));
    }
}
