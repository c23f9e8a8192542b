package io.dreamloop.predictor.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GameRequestReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TASK =
            "{\"name\": \"task1\", \"type\": \"expression\", \"cell_type\": \"iPSC\","
                    + " \"scale\": \"linear\", \"species\": \"homo_sapiens\"}";

    private static JsonNode json(final String text) {
        try {
            return JSON.readTree(text);
        } catch (final Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String request(final String tasks, final String sequences, final String rest) {
        return "{\"readout\": \"point\", \"prediction_tasks\": [%s], \"sequences\": {%s}%s}"
                .formatted(tasks, sequences, rest);
    }

    private static List<String> problems(final String body) {
        final GameException e =
                catchThrowableOfType(GameException.class, () -> GameRequestReader.read(json(body)));
        assertThat(e).as("refused: %s", body).isNotNull();
        assertThat(e.error()).isEqualTo(GameError.BAD_PREDICTION_REQUEST);
        return e.messages();
    }

    @Test
    void theSpecsExampleRequestIsRead() {
        final GameRequest r =
                GameRequestReader.read(
                        json(
                                request(
                                        TASK,
                                        "\"seq1\": \"ACGT\", \"random_seq\": \"GGCC\","
                                                + " \"control\": \"AAAA\"",
                                        ", \"upstream_seq\": \"AATTA\", \"downstream_seq\":"
                                                + " \"CCCAAAA\", \"prediction_ranges\": {\"seq1\":"
                                                + " [0, 1], \"random_seq\": [], \"control\": [1,"
                                                + " 3]}")));
        assertThat(r.readout()).isEqualTo(Readout.POINT);
        assertThat(r.tasks())
                .containsExactly(
                        new GameTask(
                                "task1",
                                "expression",
                                "iPSC",
                                "homo_sapiens",
                                Optional.of(Scale.LINEAR)));
        assertThat(r.sequences().keySet()).containsExactly("seq1", "random_seq", "control");
        assertThat(r.upstream()).isEqualTo("AATTA");
        assertThat(r.downstream()).isEqualTo("CCCAAAA");
        assertThat(r.ranges())
                .containsOnly(
                        java.util.Map.entry("seq1", new PredictionRange(0, 1)),
                        java.util.Map.entry("control", new PredictionRange(1, 3)));
    }

    @Test
    void everyIdCharacterTheSpecAllowsIsAccepted() {
        final String ids =
                String.join(
                        ", ",
                        List.of(
                                        "seq#1",
                                        "a~b",
                                        "x@y",
                                        "(ctrl)",
                                        "p%q",
                                        "r^s",
                                        "t&u",
                                        "v*w",
                                        "a-b.c_D9")
                                .stream()
                                .map(id -> "\"" + id + "\": \"ACGT\"")
                                .toList());
        assertThat(GameRequestReader.read(json(request(TASK, ids, ""))).sequences()).hasSize(9);
    }

    @Test
    void idsWithOtherCharactersAreRefusedByName() {
        assertThat(problems(request(TASK, "\"a b\": \"ACGT\", \"x:y\": \"A\", \"ok\": \"A\"", "")))
                .containsExactly(
                        "sequence id 'a b' has characters GAME does not allow in an id (letters,"
                                + " digits and - . _ ~ # @ % ^ & * ( ))",
                        "sequence id 'x:y' has characters GAME does not allow in an id (letters,"
                                + " digits and - . _ ~ # @ % ^ & * ( ))");
    }

    @Test
    void missingMandatoryKeysAndABadReadoutAreAllNamed() {
        assertThat(problems("{\"readout\": \"points\"}"))
                .containsExactly(
                        "mandatory key 'prediction_tasks' is missing",
                        "mandatory key 'sequences' is missing",
                        "'readout' must be one of \"point\", \"track\", \"interaction_matrix\","
                                + " not \"points\"");
        assertThat(problems("{\"readout\": 1, \"prediction_tasks\": [], \"sequences\": {}}"))
                .containsExactly(
                        "'readout' must be one of \"point\", \"track\", \"interaction_matrix\","
                                + " not 1",
                        "'prediction_tasks' must be a non-empty array of task objects",
                        "'sequences' must be a non-empty object of sequence id -> sequence");
    }

    @Test
    void taskTypesAreGamesAndScalesLinearOrLog() {
        final String seq = "\"s\": \"ACGT\"";
        for (final String type :
                List.of(
                        "accessibility",
                        "expression_pol2",
                        "expression_mRNA",
                        "binding_ctcf",
                        "binding_h3k27ac",
                        "conformation_chromatin")) {
            assertThat(
                            GameRequestReader.read(
                                            json(
                                                    request(
                                                            TASK.replace(
                                                                    "\"expression\"",
                                                                    "\"" + type + "\""),
                                                            seq,
                                                            "")))
                                    .tasks()
                                    .getFirst()
                                    .type())
                    .isEqualTo(type);
        }
        assertThat(problems(request(TASK.replace("\"expression\"", "\"methylation\""), seq, "")))
                .singleElement()
                .asString()
                .startsWith(
                        "prediction_tasks[0]: type 'methylation' is not a GAME prediction type");
        assertThat(problems(request(TASK.replace("\"expression\"", "\"binding_CTCF\""), seq, "")))
                .singleElement()
                .asString()
                .contains("type 'binding_CTCF'");
        assertThat(problems(request(TASK.replace("\"linear\"", "\"ln\""), seq, "")))
                .containsExactly(
                        "prediction_tasks[0]: 'scale' must be \"linear\" or \"log\", not \"ln\"");
        assertThat(
                        GameRequestReader.read(
                                        json(
                                                request(
                                                        TASK.replace(", \"scale\": \"linear\"", ""),
                                                        seq,
                                                        "")))
                                .tasks()
                                .getFirst()
                                .scale())
                .isEmpty();
    }

    @Test
    void tasksNeedTheirKeysAsTextAndUniqueNames() {
        assertThat(
                        problems(
                                request(
                                        TASK + ", " + TASK + ", {\"name\": \"t3\", \"type\": 7}",
                                        "\"s\": \"A\"",
                                        "")))
                .containsExactly(
                        "prediction task name 'task1' is used twice; names must be unique",
                        "prediction_tasks[2]: 'type' is not text; it must be a string",
                        "prediction_tasks[2]: 'cell_type' is missing; it must be a string",
                        "prediction_tasks[2]: 'species' is missing; it must be a string");
    }

    @Test
    void sequencesAndFlanksMustBeText() {
        assertThat(
                        problems(
                                request(
                                        TASK,
                                        "\"s\": 12",
                                        ", \"upstream_seq\": [\"A\"], \"downstream_seq\": null")))
                .containsExactly(
                        "sequence 's' must be a string of bases",
                        "'upstream_seq' must be a string of bases",
                        "'downstream_seq' must be a string of bases");
    }

    @Test
    void rangesNeedTheSameIdsAsTheSequencesAndTwoOrderedIntegers() {
        final String seqs = "\"a\": \"ACGT\", \"b\": \"ACGT\", \"c\": \"ACGT\"";
        assertThat(
                        problems(
                                request(
                                        TASK,
                                        seqs,
                                        ", \"prediction_ranges\": {\"a\": [], \"z\": [0, 1]}")))
                .containsExactly(
                        "the ids in 'prediction_ranges' must be those in 'sequences' (use [] for a"
                                + " whole sequence): no range for 'b', 'c'; not in 'sequences': 'z'");
        assertThat(
                        problems(
                                request(
                                        TASK,
                                        seqs,
                                        ", \"prediction_ranges\": {\"a\": [0.5, 2], \"b\": [\"0\","
                                                + " \"2\"], \"c\": [3]}")))
                .containsExactly(
                        "prediction_ranges['a'] must be two integers [start, end] (0-based, end"
                                + " inclusive) or [], not [0.5,2]",
                        "prediction_ranges['b'] must be two integers [start, end] (0-based, end"
                                + " inclusive) or [], not [\"0\",\"2\"]",
                        "prediction_ranges['c'] must be two integers [start, end] (0-based, end"
                                + " inclusive) or [], not [3]");
        assertThat(
                        problems(
                                request(
                                        TASK,
                                        seqs,
                                        ", \"prediction_ranges\": {\"a\": [3, 1], \"b\": [-1, 2],"
                                                + " \"c\": {\"start\": 0}}")))
                .containsExactly(
                        "prediction_ranges['a'] = [3, 1]: indices must be 0 or more and start must"
                                + " not exceed end",
                        "prediction_ranges['b'] = [-1, 2]: indices must be 0 or more and start must"
                                + " not exceed end",
                        "prediction_ranges['c'] must be an array: [start, end] or []");
    }

    @Test
    void aHugeRequestGetsAShortList() {
        final StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            ids.append(i == 0 ? "" : ", ").append("\"bad id ").append(i).append("\": \"A\"");
        }
        final List<String> problems = problems(request(TASK, ids.toString(), ""));
        assertThat(problems).hasSize(GameException.MAX_LISTED + 1);
        assertThat(problems.getLast()).isEqualTo("... and 70 more problems");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThat(problems("[1, 2]")).containsExactly("the request must be a JSON object");
    }
}
