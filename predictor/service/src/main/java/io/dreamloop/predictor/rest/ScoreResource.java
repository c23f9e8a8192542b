package io.dreamloop.predictor.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.InvalidSequenceException;
import io.dreamloop.predictor.config.PredictorConfig;
import io.dreamloop.predictor.model.scoring.StrandPredictions;
import io.dreamloop.predictor.scoring.Scored;
import io.dreamloop.predictor.scoring.ScorerPool;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code POST /score}: predicted expression (expected bin, 0..17) of full sequences (5' adapter,
 * variable region, 3' adapter, as measured), with the model version that made them.
 *
 * <p>A sequence with invalid bases or an impossible length gets an error in its result and the
 * others are scored. Body: {@code {"sequences": ["TGCATTTT...", ...]}} or {@code {"sequences":
 * {"id": "TGCA..."}}, "modelVersion": "..."}} (the champion when absent); {@code "addAdapters":
 * true} wraps every sequence that carries neither DREAM adapter (a bare variable region) in both.
 * Each result says what was done to its sequence ({@code input}) and warns when an adapter is
 * missing or the oligo is longer than the model reads ({@link OligoInput}).
 */
@Path("/score")
public class ScoreResource {
    private final ScorerPool scorers;
    private final PredictorConfig config;

    @Inject
    public ScoreResource(final ScorerPool scorers, final PredictorConfig config) {
        this.scorers = scorers;
        this.config = config;
    }

    /**
     * One sequence's result: the predictions, or the error that kept it from being scored.
     *
     * @param id the caller's id (the index for a list)
     * @param prediction mean of the two strands
     * @param forward the sequence as given
     * @param reverse its reverse complement
     * @param error why it was not scored; null when it was
     * @param input what was done to it: {@code oligo} (scored as given), {@code adapters-added}
     *     (wrapped in the DREAM adapters, as asked) or {@code as-given} (an adapter is missing)
     * @param warning why the prediction may not mean what the caller expects, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prediction(
            String id,
            Float prediction,
            Float forward,
            Float reverse,
            String error,
            String input,
            String warning) {}

    /**
     * The answer.
     *
     * @param modelVersion the version that scored every sequence
     * @param predictions one per sequence, in request order
     */
    public record Answer(String modelVersion, List<Prediction> predictions) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Answer score(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = {
                                                @ExampleObject(
                                                        name = "by-id",
                                                        summary =
                                                                "Two DREAM oligos by id, with the champion",
                                                        value =
                                                                "{\"sequences\": {\"demo-1\": \"TGCATTTTTTTCACATCCTTCAACCAAAATATAATATTCAATATCTTGTAGGGACGATCAATATAAGTCGCCCGGACCATATAAGGCTAAGGTGTGGGGTTACGGCTGTT\", \"demo-2\": \"TGCATTTTTTTCACATCAGCTTGTCACGTAGCGGTTGCTGGAATCGGGGCGTTGCTTAGCTATAGGGCTTTGACTTCGGCTTGCCAAGGGTCTCAAAGGTTACGGCTGTT\"}}"),
                                                @ExampleObject(
                                                        name = "list",
                                                        summary = "A list (ids are the indexes)",
                                                        value =
                                                                "{\"sequences\": [\"TGCATTTTTTTCACATCCTTCAACCAAAATATAATATTCAATATCTTGTAGGGACGATCAATATAAGTCGCCCGGACCATATAAGGCTAAGGTGTGGGGTTACGGCTGTT\"]}")
                                            }))
                    final JsonNode body) {
        if (body == null || !body.has("sequences")) {
            throw new IllegalArgumentException(
                    "'sequences' is required: a list of sequences or an object of id -> sequence");
        }
        final List<String> ids = new ArrayList<>();
        final List<Object> parsed = new ArrayList<>(); // DnaSequence or the error text
        final JsonNode given = body.get("sequences");
        if (given.isArray()) {
            for (int i = 0; i < given.size(); i++) {
                ids.add(String.valueOf(i));
                parsed.add(parseOrError(String.valueOf(i), given.get(i)));
            }
        } else if (given.isObject()) {
            for (final Map.Entry<String, JsonNode> e : given.properties()) {
                ids.add(e.getKey());
                parsed.add(parseOrError(e.getKey(), e.getValue()));
            }
        } else {
            throw new IllegalArgumentException(
                    "'sequences' must be a list or an object of id -> sequence");
        }
        if (parsed.isEmpty() || parsed.size() > config.scoring().maxSequencesPerRequest()) {
            throw new IllegalArgumentException(
                    "a request scores 1 to %,d sequences, not %,d"
                            .formatted(config.scoring().maxSequencesPerRequest(), parsed.size()));
        }
        final boolean addAdapters =
                body.hasNonNull("addAdapters") && body.get("addAdapters").asBoolean();
        final List<OligoInput> inputs =
                parsed.stream()
                        .filter(DnaSequence.class::isInstance)
                        .map(d -> OligoInput.of((DnaSequence) d, addAdapters))
                        .toList();
        final List<DnaSequence> valid = inputs.stream().map(OligoInput::sequence).toList();
        final String version =
                body.hasNonNull("modelVersion") ? body.get("modelVersion").asText() : null;
        final Scored scored = scorers.score(version, valid);
        final StrandPredictions p = scored.predictions();
        final float[] mean = p.mean();
        final List<Prediction> out = new ArrayList<>(ids.size());
        int k = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (parsed.get(i) instanceof String error) {
                out.add(new Prediction(ids.get(i), null, null, null, error, null, null));
            } else {
                final OligoInput input = inputs.get(k);
                out.add(
                        new Prediction(
                                ids.get(i),
                                mean[k],
                                p.forward()[k],
                                p.reverse()[k],
                                null,
                                input.handling().wireName(),
                                input.warning()));
                k++;
            }
        }
        return new Answer(scored.modelVersion(), out);
    }

    private static Object parseOrError(final String id, final JsonNode value) {
        try {
            return parse(id, value);
        } catch (final IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static DnaSequence parse(final String id, final JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("sequence '%s' must be a string".formatted(id));
        }
        try {
            final DnaSequence s = DnaSequence.parse(value.asText());
            if (s.length() <= 17) {
                throw new IllegalArgumentException(
                        "sequence '%s' has %d bases; give the full measured sequence (5' adapter, variable region, 3' adapter)"
                                .formatted(id, s.length()));
            }
            return s;
        } catch (final InvalidSequenceException e) {
            throw new IllegalArgumentException(
                    "sequence '%s': %s".formatted(id, e.getMessage()), e);
        }
    }
}
