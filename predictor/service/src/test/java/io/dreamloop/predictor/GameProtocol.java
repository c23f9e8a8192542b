package io.dreamloop.predictor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GAME protocol on the running predictor, checked against GAME's specification
 * (docs/source/API/*.md of de-Boer-Lab/Genomic-API-for-Model-Evaluation): {@code /formats} and
 * {@code /help} in the shapes GAME's evaluator reads, point predictions of the reference DREAM-CNN
 * with every response field, prediction ranges and flanks honoured, and every request the spec
 * rejects rejected with its error key and {@code predictor_name}.
 *
 * <p>Run by {@link ScoringIT} in its application: the PyTorch natives load once per JVM, so the
 * predictor's integration tests share one application, and these checks need its champion.
 */
final class GameProtocol {
    private static final Path DATA = ScoringIT.DATA;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ids GAME allows, one of each special character. */
    private static final List<String> IDS =
            List.of("seq#1", "a~b", "x@y", "(ctrl)", "p%q", "r^s", "t&u", "v*w.x-y_z");

    private final String version;
    private final String name;

    /**
     * @param version the champion the predictor serves, the fixture {@code dream_cnn_demo.pt}
     */
    GameProtocol(final String version) {
        this.version = version;
        this.name = "dreamloop-" + version;
    }

    private static JsonNode expected() throws IOException {
        return JSON.readTree(DATA.resolve("models/dream_cnn_demo_expected.json").toFile());
    }

    private static String oligo(final int i) throws IOException {
        return expected().get("sequences").get(i).asText();
    }

    private static ObjectNode request(final String readout, final Map<String, String> sequences) {
        final ObjectNode request = JSON.createObjectNode();
        request.put("readout", readout);
        final var tasks = request.putArray("prediction_tasks");
        tasks.addObject()
                .put("name", "task1")
                .put("type", "expression")
                .put("cell_type", "iPSC")
                .put("scale", "linear")
                .put("species", "homo_sapiens");
        tasks.addObject()
                .put("name", "task2")
                .put("type", "accessibility")
                .put("cell_type", "yeast")
                .put("species", "saccharomyces_cerevisiae");
        final ObjectNode seqs = request.putObject("sequences");
        sequences.forEach(seqs::put);
        return request;
    }

    private static Response post(final Object body) {
        return given().contentType(ContentType.JSON).body(body.toString()).post("/predict");
    }

    private static JsonNode ok(final Object body) throws IOException {
        final Response response = post(body);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return JSON.readTree(response.asString());
    }

    /** The error body: GAME's key with a list of messages, and the predictor's name. */
    private static List<String> refused(
            final Object body, final int status, final String key, final String name)
            throws IOException {
        return errors(post(body), status, key, name);
    }

    private static List<String> errors(
            final Response response, final int status, final String key, final String name)
            throws IOException {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        final JsonNode body = JSON.readTree(response.asString());
        assertThat(body.get("predictor_name").asText()).isEqualTo(name);
        assertThat(body.get(key).isArray()).isTrue();
        final List<String> messages = new ArrayList<>();
        body.get(key).forEach(m -> messages.add(m.asText()));
        assertThat(messages).isNotEmpty();
        return messages;
    }

    private static double single(final JsonNode answer, final String id) {
        final JsonNode values = answer.get("prediction_tasks").get(0).get("predictions").get(id);
        assertThat(values.size()).isEqualTo(1);
        return values.get(0).asDouble();
    }

    static void withoutAModelTheProtocolAnswersAndPredictIsAServerError() throws IOException {
        given().get("/formats").then().statusCode(200).body("predictor_name", equalTo("dreamloop"));
        assertThat(
                        refused(
                                request("point", Map.of("s", oligo(0))),
                                500,
                                "server_error",
                                "dreamloop"))
                .containsExactly("no champion model has been published yet");
    }

    void formatsAndHelpHaveTheShapesGamesEvaluatorReads() throws IOException {
        final JsonNode formats =
                JSON.readTree(given().get("/formats").then().statusCode(200).extract().asString());
        assertThat(formats.get("predictor_supported_request_formats").get(0).asText())
                .isEqualTo("application/json");
        assertThat(formats.get("predictor_supported_response_formats").get(0).asText())
                .isEqualTo("application/json");
        assertThat(formats.get("predictor_name").asText()).isEqualTo(name);
        final JsonNode help =
                JSON.readTree(given().get("/help").then().statusCode(200).extract().asString());
        assertThat(help.get("input_size").isInt()).isTrue();
        assertThat(help.get("input_size").asInt()).isEqualTo(150);
        assertThat(help.get("expression_strand_specific").isBoolean()).isTrue();
        assertThat(help.get("features").get(0).asText()).isEqualTo("expression");
        assertThat(help.get("species").get(0).asText()).isEqualTo("saccharomyces_cerevisiae");
        assertThat(help.get("cell_types").size()).isEqualTo(help.get("features").size());
        assertThat(help.get("version").asText()).isEqualTo(version);
        for (final String key :
                List.of("model", "publication", "model_authors", "container_authors")) {
            assertThat(help.get(key).isTextual()).as(key).isTrue();
        }
    }

    void pointPredictionsCarryEveryFieldOfTheSpecAndTheReferenceValues() throws IOException {
        final JsonNode expected = expected();
        final Map<String, String> sequences = new java.util.LinkedHashMap<>();
        for (int i = 0; i < IDS.size(); i++) {
            sequences.put(IDS.get(i), oligo(i % 8));
        }
        final JsonNode answer = ok(request("point", sequences));
        assertThat(answer.get("request").asText()).isEqualTo("predict");
        assertThat(answer.get("predictor_name").asText()).isEqualTo(name);
        final JsonNode tasks = answer.get("prediction_tasks");
        assertThat(tasks.size()).isEqualTo(2);
        final JsonNode first = tasks.get(0);
        assertThat(first.get("name").asText()).isEqualTo("task1");
        assertThat(first.get("type_requested").asText()).isEqualTo("expression");
        assertThat(first.get("type_actual").isArray()).isTrue();
        assertThat(first.get("type_actual").get(0).asText()).isEqualTo("expression");
        assertThat(first.get("cell_type_requested").asText()).isEqualTo("iPSC");
        assertThat(first.get("cell_type_actual").asText()).isEqualTo("yeast");
        assertThat(first.get("species_requested").asText()).isEqualTo("homo_sapiens");
        assertThat(first.get("species_actual").asText()).isEqualTo("saccharomyces_cerevisiae");
        assertThat(first.get("scale_prediction_requested").asText()).isEqualTo("linear");
        assertThat(first.get("scale_prediction_actual").asText()).isEqualTo("log");
        assertThat(first.get("aggregation").isObject()).isTrue();
        assertThat(first.get("aggregation").get("strands").isTextual()).isTrue();
        final JsonNode second = tasks.get(1);
        assertThat(second.get("name").asText()).isEqualTo("task2");
        assertThat(second.get("type_requested").asText()).isEqualTo("accessibility");
        assertThat(second.has("scale_prediction_requested")).isFalse();
        assertThat(second.get("predictions")).isEqualTo(first.get("predictions"));
        final List<String> answered = new ArrayList<>();
        first.get("predictions").fieldNames().forEachRemaining(answered::add);
        assertThat(answered).containsExactlyElementsOf(IDS);
        for (int i = 0; i < IDS.size(); i++) {
            assertThat(single(answer, IDS.get(i)))
                    .as(IDS.get(i))
                    .isCloseTo(expected.get("prediction").get(i % 8).asDouble(), offset(1e-4));
        }
    }

    void aBodyWithoutContentTypeIsReadAsJsonAndTheAnswerIsJsonWhateverIsAccepted()
            throws IOException, InterruptedException {
        final String body = request("point", Map.of("s", oligo(0))).toString();
        final HttpResponse<String> bare =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:%d/predict"
                                                                .formatted(RestAssured.port)))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .header("Accept", "application/msgpack")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(200);
        assertThat(bare.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(single(JSON.readTree(bare.body()), "s"))
                .isCloseTo(expected().get("prediction").get(0).asDouble(), offset(1e-4));
    }

    void rangesAndFlanksAreScoredInTheModelsContextNotDropped() throws IOException {
        final String oligo = oligo(0);
        final double whole = expected().get("prediction").get(0).asDouble();
        final String insert = Flanks.DREAM_2022.unwrap(DnaSequence.of(oligo)).bases();
        final ObjectNode flanked = request("point", Map.of("s", insert));
        flanked.put("upstream_seq", Flanks.DREAM_2022.upstream().bases());
        flanked.put("downstream_seq", Flanks.DREAM_2022.downstream().bases());
        assertThat(single(ok(flanked), "s")).isCloseTo(whole, offset(1e-4));
        final ObjectNode otherFlanks = request("point", Map.of("s", insert));
        otherFlanks.put("upstream_seq", "GATCAGGGCCC");
        assertThat(single(ok(otherFlanks), "s"))
                .isNotCloseTo(single(ok(request("point", Map.of("s", insert))), "s"), offset(1e-3));
        final ObjectNode ranged =
                request("point", Map.of("insert", oligo, "part", oligo, "whole", oligo));
        final ObjectNode ranges = ranged.putObject("prediction_ranges");
        ranges.putArray("insert").add(17).add(96);
        ranges.putArray("part").add(20).add(60);
        ranges.putArray("whole");
        final JsonNode answer = ok(ranged);
        assertThat(single(answer, "insert")).isCloseTo(whole, offset(1e-4));
        assertThat(single(answer, "whole")).isCloseTo(whole, offset(1e-4));
        // The same 41 bases as a bare insert through POST /score, which wraps it in the adapters.
        final double part =
                given().contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "sequences",
                                        List.of(oligo.substring(20, 61)),
                                        "addAdapters",
                                        true))
                        .post("/score")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getDouble("predictions[0].prediction");
        assertThat(single(answer, "part")).isCloseTo(part, offset(1e-4));
        assertThat(part).isNotCloseTo(whole, offset(1e-3));
    }

    void requestsTheSpecRejectsAreBadPredictionRequests() throws IOException {
        final String oligo = oligo(0);
        final String valid = request("point", Map.of("s", oligo)).toString();
        final String bad = "bad_prediction_request";
        assertThat(refused("{\"readout\": \"point\", ", 400, bad, name).getFirst())
                .startsWith("the request body is not valid JSON");
        assertThat(refused(valid.replace("{\"s\":", "{\"s\": \"ACGT\", \"s\":"), 400, bad, name))
                .singleElement()
                .asString()
                .startsWith("key 's' appears more than once in 'sequences'");
        assertThat(refused(valid.replace("\"s\":", "\"a b\":"), 400, bad, name))
                .singleElement()
                .asString()
                .startsWith("sequence id 'a b' has characters GAME does not allow");
        assertThat(refused(valid.replace("\"accessibility\"", "\"methylation\""), 400, bad, name))
                .singleElement()
                .asString()
                .startsWith(
                        "prediction_tasks[1]: type 'methylation' is not a GAME prediction type");
        assertThat(refused(valid.replace("\"linear\"", "\"log2\""), 400, bad, name))
                .containsExactly(
                        "prediction_tasks[0]: 'scale' must be \"linear\" or \"log\", not \"log2\"");
        final ObjectNode mismatched = request("point", Map.of("s", oligo, "t", oligo));
        mismatched.putObject("prediction_ranges").putArray("s").add(0).add(5);
        assertThat(refused(mismatched, 400, bad, name))
                .containsExactly(
                        "the ids in 'prediction_ranges' must be those in 'sequences' (use [] for a"
                                + " whole sequence): no range for 't'");
        final ObjectNode fractional = request("point", Map.of("s", oligo));
        fractional.putObject("prediction_ranges").putArray("s").add(0.5).add(5);
        assertThat(refused(fractional, 400, bad, name))
                .singleElement()
                .asString()
                .startsWith("prediction_ranges['s'] must be two integers");
        assertThat(refused(valid.replace("\"point\"", "\"points\""), 400, bad, name)).hasSize(1);
        assertThat(refused("{\"readout\": \"point\"}", 400, bad, name)).hasSize(2);
        final Response plain = given().contentType(ContentType.TEXT).body(valid).post("/predict");
        assertThat(errors(plain, 400, bad, name).getFirst()).startsWith("Content-Type 'text/plain");
    }

    void validRequestsTheModelCannotServeArePredictionRequestFailed() throws IOException {
        final String failed = "prediction_request_failed";
        final String oligo = oligo(0);
        assertThat(
                        refused(
                                request("point", Map.of("s", oligo.replace('A', 'Z'))),
                                422,
                                failed,
                                name))
                .singleElement()
                .asString()
                .startsWith("sequence 's' has an invalid base 'Z' at index");
        assertThat(refused(request("point", Map.of("long", "ACGT".repeat(250))), 422, failed, name))
                .singleElement()
                .asString()
                .startsWith("sequence 'long' is 1000 bases");
        final ObjectNode outside = request("point", Map.of("s", oligo));
        outside.putObject("prediction_ranges").putArray("s").add(100).add(110);
        assertThat(refused(outside, 422, failed, name))
                .containsExactly(
                        "prediction range [100, 110] of 's' is out of bounds: with its flanks the"
                                + " sequence has 110 bases (indices 0..109)");
        assertThat(refused(request("track", Map.of("s", oligo)), 422, failed, name))
                .singleElement()
                .asString()
                .startsWith("this predictor answers 'point' readouts only");
        try (InputStream in =
                GameProtocol.class.getResourceAsStream(
                        "/game/evaluator_request_interaction_matrix.json")) {
            assertThat(
                            refused(
                                    new String(
                                            in.readAllBytes(),
                                            java.nio.charset.StandardCharsets.UTF_8),
                                    422,
                                    failed,
                                    name))
                    .singleElement()
                    .asString()
                    .contains("not 'interaction_matrix'");
        }
    }
}
