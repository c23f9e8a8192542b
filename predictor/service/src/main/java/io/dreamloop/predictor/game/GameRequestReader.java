package io.dreamloop.predictor.game;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a {@code POST /predict} body by GAME's rules ({@code API/Evaluator_requests.md}) and
 * collects every problem before refusing it with {@link GameError#BAD_PREDICTION_REQUEST}:
 * mandatory keys, the readout, each task's keys, type and scale, sequence ids and values, flanks,
 * and prediction ranges (integers, ids identical to the sequences'). Whether the model can serve a
 * valid request is not decided here.
 */
public final class GameRequestReader {
    /** The characters GAME allows in a sequence id: {@code [A-Z][a-z][0-9][-._~#@%^&*()]}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-._~#@%^&*()]+");

    private static final List<String> MANDATORY =
            List.of("readout", "prediction_tasks", "sequences");

    /** How many ids a message lists before it counts the rest. */
    private static final int LISTED = 10;

    private static final List<String> TASK_KEYS = List.of("name", "type", "cell_type", "species");

    private final List<String> problems = new ArrayList<>();

    private GameRequestReader() {}

    /**
     * @throws GameException ({@link GameError#BAD_PREDICTION_REQUEST}) naming every problem found
     */
    public static GameRequest read(final JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad(List.of("the request must be a JSON object"));
        }
        return new GameRequestReader().request(body);
    }

    private GameRequest request(final JsonNode body) {
        MANDATORY.stream()
                .filter(key -> !body.has(key))
                .forEach(key -> problems.add("mandatory key '%s' is missing".formatted(key)));
        final Optional<Readout> readout = readout(body.get("readout"));
        final List<GameTask> tasks = tasks(body.get("prediction_tasks"));
        final Map<String, String> sequences = sequences(body.get("sequences"));
        final String upstream = flank(body, "upstream_seq");
        final String downstream = flank(body, "downstream_seq");
        final Map<String, PredictionRange> ranges =
                ranges(body.get("prediction_ranges"), sequences.keySet());
        if (!problems.isEmpty()) {
            throw bad(problems);
        }
        return new GameRequest(
                readout.orElseThrow(),
                tasks,
                new LinkedHashMap<>(sequences),
                upstream,
                downstream,
                ranges);
    }

    private Optional<Readout> readout(final JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        final Optional<Readout> readout =
                node.isTextual() ? Readout.of(node.asText()) : Optional.empty();
        if (readout.isEmpty()) {
            problems.add(
                    "'readout' must be one of \"point\", \"track\", \"interaction_matrix\", not "
                            + node);
        }
        return readout;
    }

    private List<GameTask> tasks(final JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("'prediction_tasks' must be a non-empty array of task objects");
            return List.of();
        }
        final List<GameTask> tasks = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            task(i, node.get(i))
                    .ifPresent(
                            task -> {
                                if (!names.add(task.name())) {
                                    problems.add(
                                            "prediction task name '%s' is used twice; names must be unique"
                                                    .formatted(task.name()));
                                }
                                tasks.add(task);
                            });
        }
        return tasks;
    }

    private Optional<GameTask> task(final int index, final JsonNode node) {
        final String where = "prediction_tasks[%d]".formatted(index);
        if (!node.isObject()) {
            problems.add(where + " must be an object");
            return Optional.empty();
        }
        final int before = problems.size();
        for (final String key : TASK_KEYS) {
            if (!node.path(key).isTextual()) {
                problems.add(
                        "%s: '%s' is %s; it must be a string"
                                .formatted(where, key, node.has(key) ? "not text" : "missing"));
            }
        }
        final String type = node.path("type").asText();
        if (node.path("type").isTextual() && !PredictionTypes.isDefined(type)) {
            problems.add(
                    ("%s: type '%s' is not a GAME prediction type (accessibility, expression,"
                                    + " expression_{mRNA,pol1,pol2,pol3,splicing_acceptor,"
                                    + "splicing_donor}, binding_{molecule}, conformation_{isoform})")
                            .formatted(where, type));
        }
        final Optional<Scale> scale = scale(where, node.get("scale"));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(
                new GameTask(
                        node.get("name").asText(),
                        type,
                        node.get("cell_type").asText(),
                        node.get("species").asText(),
                        scale));
    }

    private Optional<Scale> scale(final String where, final JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        final Optional<Scale> scale = node.isTextual() ? Scale.of(node.asText()) : Optional.empty();
        if (scale.isEmpty()) {
            problems.add(
                    "%s: 'scale' must be \"linear\" or \"log\", not %s".formatted(where, node));
        }
        return scale;
    }

    private Map<String, String> sequences(final JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.add("'sequences' must be a non-empty object of sequence id -> sequence");
            return Map.of();
        }
        final Map<String, String> sequences = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> e : node.properties()) {
            final String id = e.getKey();
            if (!ID.matcher(id).matches()) {
                problems.add(
                        ("sequence id '%s' has characters GAME does not allow in an id (letters,"
                                        + " digits and - . _ ~ # @ %% ^ & * ( ))")
                                .formatted(id));
            }
            if (!e.getValue().isTextual()) {
                problems.add("sequence '%s' must be a string of bases".formatted(id));
            }
            sequences.put(id, e.getValue().asText());
        }
        return sequences;
    }

    private String flank(final JsonNode body, final String key) {
        final JsonNode node = body.get(key);
        if (node == null) {
            return "";
        }
        if (!node.isTextual()) {
            problems.add("'%s' must be a string of bases".formatted(key));
            return "";
        }
        return node.asText();
    }

    private Map<String, PredictionRange> ranges(final JsonNode node, final Set<String> ids) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            problems.add("'prediction_ranges' must be an object of sequence id -> [start, end]");
            return Map.of();
        }
        idsMatch(node, ids);
        final Map<String, PredictionRange> ranges = new HashMap<>();
        for (final Map.Entry<String, JsonNode> e : node.properties()) {
            range(e.getKey(), e.getValue())
                    .filter(r -> ids.contains(e.getKey()))
                    .ifPresent(r -> ranges.put(e.getKey(), r));
        }
        return ranges;
    }

    private void idsMatch(final JsonNode ranges, final Set<String> ids) {
        final Set<String> named = new TreeSet<>();
        ranges.fieldNames().forEachRemaining(named::add);
        final Set<String> missing = new TreeSet<>(ids);
        missing.removeAll(named);
        final Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(ids);
        final List<String> differences = new ArrayList<>();
        if (!missing.isEmpty()) {
            differences.add("no range for " + quoted(missing));
        }
        if (!unknown.isEmpty()) {
            differences.add("not in 'sequences': " + quoted(unknown));
        }
        if (!differences.isEmpty()) {
            problems.add(
                    "the ids in 'prediction_ranges' must be those in 'sequences' (use [] for a"
                            + " whole sequence): "
                            + String.join("; ", differences));
        }
    }

    private Optional<PredictionRange> range(final String id, final JsonNode node) {
        final String where = "prediction_ranges['%s']".formatted(id);
        if (!node.isArray()) {
            problems.add(where + " must be an array: [start, end] or []");
            return Optional.empty();
        }
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.size() != 2 || !isIndex(node.get(0)) || !isIndex(node.get(1))) {
            problems.add(
                    "%s must be two integers [start, end] (0-based, end inclusive) or [], not %s"
                            .formatted(where, node));
            return Optional.empty();
        }
        final int start = node.get(0).intValue();
        final int end = node.get(1).intValue();
        if (start < 0 || end < start) {
            problems.add(
                    "%s = [%d, %d]: indices must be 0 or more and start must not exceed end"
                            .formatted(where, start, end));
            return Optional.empty();
        }
        return Optional.of(new PredictionRange(start, end));
    }

    private static boolean isIndex(final JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt();
    }

    /** Up to {@value #LISTED} ids, then how many more. */
    private static String quoted(final Set<String> ids) {
        final String listed =
                String.join(", ", ids.stream().limit(LISTED).map(id -> "'" + id + "'").toList());
        return ids.size() <= LISTED
                ? listed
                : "%s and %,d more".formatted(listed, ids.size() - LISTED);
    }

    private static GameException bad(final List<String> problems) {
        return new GameException(GameError.BAD_PREDICTION_REQUEST, problems);
    }
}
