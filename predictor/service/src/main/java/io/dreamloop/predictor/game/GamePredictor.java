package io.dreamloop.predictor.game;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.config.PredictorConfig;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.scoring.Scored;
import io.dreamloop.predictor.scoring.ScorerPool;
import io.dreamloop.predictor.scoring.UnknownModelException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Answers GAME's three calls with the champion model: {@code /formats}, {@code /help} and {@code
 * /predict} (one point value per sequence, the same for every task, since a DREAM model predicts
 * one thing: yeast promoter expression in the sort-seq assay). Each task's answer says what was
 * predicted in place of what was asked ({@code *_actual}), as GAME intends, so an evaluator can see
 * a species or cell type mismatch rather than be refused.
 */
@ApplicationScoped
public class GamePredictor {
    static final String SPECIES = "saccharomyces_cerevisiae";

    static final String CELL_TYPE = "yeast";

    static final String TYPE = "expression";

    /**
     * The scale of the expected sort bin: sort-seq gates divide the logarithm of the fluorescence
     * ratio (as MAUDE models them, SPEC §5.2), so a bin index rises with log expression. It is said
     * back whatever a task asks, since the bins' widths in fluorescence are not known here to undo
     * the logarithm.
     */
    static final Scale SCALE = Scale.LOG;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final String NAME = "dreamloop";

    private final ScorerPool scorers;
    private final PredictorConfig config;

    @Inject
    public GamePredictor(final ScorerPool scorers, final PredictorConfig config) {
        this.scorers = scorers;
        this.config = config;
    }

    /** This predictor's name for evaluators: versioned by the model that answers. */
    public String name() {
        return scorers.champion().map(GamePredictor::name).orElse(NAME);
    }

    private static String name(final String modelVersion) {
        return NAME + "-" + modelVersion;
    }

    /** {@code GET /formats}: what this predictor reads and writes. */
    public ObjectNode formats() {
        final ObjectNode formats = named(name());
        formats.putArray("predictor_supported_request_formats").add(GameJson.JSON);
        formats.putArray("predictor_supported_response_formats").add(GameJson.JSON);
        return formats;
    }

    /** {@code GET /help}: the model, what it predicts and what it reads (all keys optional). */
    public ObjectNode help() {
        final ObjectNode help = named(name());
        help.put(
                "model",
                "dreamloop champion: a Prix Fixe DREAM model (DREAM-CNN, DREAM-RNN or DREAM-Attn)"
                        + " of yeast promoter expression, trained on sort-seq measurements");
        help.put("version", scorers.champion().orElse("none: no model is published yet"));
        help.put(
                "publication",
                "Rafi et al., Nature Biotechnology 2024, doi:10.1038/s41587-024-02414-w");
        help.put("model_authors", "Rafi, Nogina, Penzar et al. (Random Promoter DREAM Challenge)");
        help.put("container_authors", "dreamloop");
        help.putArray("features").add(TYPE);
        help.putArray("cell_types").add(CELL_TYPE);
        help.putArray("species").add(SPECIES);
        help.put("input_size", SequenceEncoding.LENGTH);
        help.put("expression_strand_specific", false);
        help.put(
                "input_description",
                ("The model reads %d bp: plasmid, 17-bp 5' adapter TGCATTTTTTTCACATC, insert and"
                                + " 13-bp 3' adapter GGTTACGGCTGTT (trained on 80-bp random inserts)."
                                + " A sequence (with upstream_seq and downstream_seq, cut to its"
                                + " prediction range) that starts and ends with these adapters is"
                                + " read as it is, up to %d bp; any other is taken as the insert and"
                                + " wrapped in them, up to %d bp. Longer ones are refused (422).")
                        .formatted(
                                SequenceEncoding.LENGTH,
                                SequenceEncoding.LONGEST_READ_WHOLE,
                                ModelInputs.LONGEST_INSERT));
        return help;
    }

    /**
     * {@code POST /predict}.
     *
     * @throws GameException when the model cannot answer the request
     */
    public ObjectNode predict(final GameRequest request) {
        if (request.readout() != Readout.POINT) {
            throw failed(
                    "this predictor answers 'point' readouts only (one expression value per"
                            + " sequence), not '%s'".formatted(request.readout().wireName()));
        }
        final int most = config.scoring().maxSequencesPerRequest();
        if (request.sequences().size() > most) {
            throw failed(
                    "a request may hold at most %,d sequences (dreamloop.predictor.scoring.max-sequences-per-request), not %,d"
                            .formatted(most, request.sequences().size()));
        }
        final List<DnaSequence> oligos = ModelInputs.of(request);
        final Scored scored;
        try {
            scored = scorers.score(null, oligos);
        } catch (final UnknownModelException e) {
            throw new GameException(GameError.SERVER_ERROR, e.getMessage());
        }
        return answer(request, scored);
    }

    private static ObjectNode answer(final GameRequest request, final Scored scored) {
        final ObjectNode answer = JSON.objectNode();
        answer.put("request", "predict");
        answer.put("predictor_name", name(scored.modelVersion()));
        final ObjectNode predictions = JSON.objectNode();
        final float[] mean = scored.predictions().mean();
        int i = 0;
        for (final String id : request.sequences().keySet()) {
            predictions.putArray(id).add(mean[i++]);
        }
        final var tasks = answer.putArray("prediction_tasks");
        for (final GameTask task : request.tasks()) {
            final ObjectNode t = tasks.addObject();
            t.put("name", task.name());
            t.put("type_requested", task.type());
            t.putArray("type_actual").add(TYPE);
            t.put("cell_type_requested", task.cellType());
            t.put("cell_type_actual", CELL_TYPE);
            t.put("species_requested", task.species());
            t.put("species_actual", SPECIES);
            task.scale().ifPresent(s -> t.put("scale_prediction_requested", s.wireName()));
            t.put("scale_prediction_actual", SCALE.wireName());
            final ObjectNode aggregation = t.putObject("aggregation");
            aggregation.put("strands", "mean of the forward and reverse-complement predictions");
            aggregation.put(
                    "bins",
                    "expected sort bin: the probability-weighted mean of the 18 bins (0-17)");
            t.set("predictions", predictions);
        }
        return answer;
    }

    /** An object that starts with {@code predictor_name}, as every GAME body does. */
    public static ObjectNode named(final String predictorName) {
        final ObjectNode node = JSON.objectNode();
        node.put("predictor_name", predictorName);
        return node;
    }

    private static GameException failed(final String message) {
        return new GameException(GameError.PREDICTION_REQUEST_FAILED, message);
    }
}
