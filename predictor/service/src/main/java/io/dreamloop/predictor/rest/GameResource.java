package io.dreamloop.predictor.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.scoring.Scored;
import io.dreamloop.predictor.scoring.ScorerPool;
import io.dreamloop.predictor.scoring.UnknownModelException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The predictor side of the de Boer lab's Genomic API for Model Evaluation (GAME, SPEC §7), so that
 * community evaluators can query dreamloop as a predictor: {@code GET /formats}, {@code GET /help},
 * {@code POST /predict}. A DREAM model answers {@code point} readouts of yeast expression; the
 * prediction of a sequence is the mean over both strands of the expected sorting bin.
 */
@Path("/")
public class GameResource {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> READOUTS = Set.of("point", "track", "interaction_matrix");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final String SPECIES = "saccharomyces_cerevisiae";

    private final ScorerPool scorers;

    @Inject
    public GameResource(final ScorerPool scorers) {
        this.scorers = scorers;
    }

    @GET
    @Path("/formats")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> formats() {
        return List.of("json");
    }

    @GET
    @Path("/help")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> help() {
        return Map.of(
                "model",
                "dreamloop DREAM model (Prix Fixe), champion "
                        + scorers.champion().orElse("none yet"),
                "version",
                scorers.champion().orElse("none"),
                "publication",
                "Rafi et al., Nature Biotechnology 2024, doi:10.1038/s41587-024-02414-w",
                "features",
                List.of("expression"),
                "cell_types",
                List.of("yeast"),
                "species",
                List.of(SPECIES),
                "input_size",
                "~110 bp (17-bp 5' adapter, 80-bp variable region, 13-bp 3' adapter); padded to 150 bp with the plasmid",
                "bin_size",
                1,
                "expression_strand_specific",
                false);
    }

    @POST
    @Path("/predict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response predict(final JsonNode request) {
        final List<String> bad = new ArrayList<>();
        if (request == null || !request.isObject()) {
            return error(400, "bad_prediction_request", List.of("request must be a JSON object"));
        }
        final String readout = request.path("readout").asText("");
        if (!READOUTS.contains(readout)) {
            bad.add("'readout' must be one of point, track, interaction_matrix");
        }
        final JsonNode tasks = request.path("prediction_tasks");
        if (!tasks.isArray() || tasks.isEmpty()) {
            bad.add("'prediction_tasks' must be a non-empty list");
        } else {
            for (int i = 0; i < tasks.size(); i++) {
                for (final String key : List.of("name", "type", "cell_type", "species")) {
                    if (!tasks.get(i).path(key).isTextual()) {
                        bad.add("prediction_tasks[%d] needs a '%s'".formatted(i, key));
                    }
                }
            }
        }
        final JsonNode sequences = request.path("sequences");
        if (!sequences.isObject() || sequences.isEmpty()) {
            bad.add("'sequences' must be a non-empty object of id -> sequence");
        } else {
            sequences
                    .fieldNames()
                    .forEachRemaining(
                            id -> {
                                if (!ID.matcher(id).matches()) {
                                    bad.add(
                                            "sequence id '%s' has invalid characters"
                                                    .formatted(id));
                                }
                            });
        }
        if (!bad.isEmpty()) {
            return error(400, "bad_prediction_request", bad);
        }
        if (!"point".equals(readout)) {
            return error(
                    422,
                    "prediction_request_failed",
                    List.of("this predictor answers 'point' readouts only, not '" + readout + "'"));
        }
        final String upstream = request.path("upstream_seq").asText("");
        final String downstream = request.path("downstream_seq").asText("");
        final List<String> ids = new ArrayList<>();
        final List<DnaSequence> parsed = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        for (final Map.Entry<String, JsonNode> e : sequences.properties()) {
            try {
                parsed.add(
                        ScoreResource.parse(
                                e.getKey(),
                                JSON.textNode(upstream + e.getValue().asText() + downstream)));
                ids.add(e.getKey());
            } catch (final IllegalArgumentException ex) {
                failed.add(ex.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            return error(422, "prediction_request_failed", failed);
        }
        final Scored scored;
        try {
            scored = scorers.score(null, parsed);
        } catch (final UnknownModelException e) {
            return error(422, "prediction_request_failed", List.of(e.getMessage()));
        }
        final float[] mean = scored.predictions().mean();
        final ObjectNode answer = JSON.objectNode();
        answer.put("request", "predict");
        answer.put("predictor_name", "dreamloop-" + scored.modelVersion());
        final var outTasks = answer.putArray("prediction_tasks");
        for (final JsonNode task : tasks) {
            final ObjectNode t = outTasks.addObject();
            t.put("name", task.get("name").asText());
            t.put("type_requested", task.get("type").asText());
            t.putArray("type_actual").add("expression");
            t.put("cell_type_requested", task.get("cell_type").asText());
            t.put("cell_type_actual", "yeast");
            t.put("species_requested", task.get("species").asText());
            t.put("species_actual", SPECIES);
            if (task.has("scale")) {
                t.put("scale_prediction_requested", task.get("scale").asText());
            }
            t.put("scale_prediction_actual", "linear");
            t.put(
                    "aggregation",
                    "mean of the forward and reverse-complement strands' expected sorting bin (0-17)");
            final ObjectNode predictions = t.putObject("predictions");
            for (int i = 0; i < ids.size(); i++) {
                predictions.putArray(ids.get(i)).add(mean[i]);
            }
        }
        return Response.ok(answer).build();
    }

    private static Response error(final int status, final String key, final List<String> messages) {
        final ObjectNode body = JSON.objectNode();
        final var list = body.putArray(key);
        messages.forEach(list::add);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).build();
    }
}
