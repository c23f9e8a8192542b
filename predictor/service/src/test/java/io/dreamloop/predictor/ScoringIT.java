package io.dreamloop.predictor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.Metrics;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reference DREAM-CNN (TorchScript) imported into the running predictor and served over HTTP
 * and Kafka, with hot swap and artifact verification and the GAME protocol ({@link GameProtocol}).
 */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "predictor"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringIT {
    static final Path DATA =
            Path.of(System.getProperty("dreamloop.root", "../.."), "..", "shared", "data");
    private static final GameProtocol GAME = new GameProtocol("cnn-demo-v1");
    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    private static JsonNode expected() throws IOException {
        return new ObjectMapper()
                .readTree(DATA.resolve("models/dream_cnn_demo_expected.json").toFile());
    }

    private static void importFixture(final String version) throws IOException {
        given().contentType("application/octet-stream")
                .body(Files.readAllBytes(DATA.resolve("models/dream_cnn_demo.pt")))
                .post("/models/import?version=" + version + "&architecture=dream-cnn&champion=true")
                .then()
                .statusCode(201)
                .body("registered", equalTo(true))
                .body(
                        "sha256",
                        equalTo(ModelStore.sha256(DATA.resolve("models/dream_cnn_demo.pt"))));
        // The answer is true when it arrives: the champion is the import at once.
        given().get("/models/champion")
                .then()
                .statusCode(200)
                .body("modelVersion", equalTo(version));
    }

    @Test
    @Order(1)
    void importedTorchScriptModelReproducesTheReferenceOverHttp() throws IOException {
        given().contentType(ContentType.JSON)
                .body("{\"sequences\": [\"" + "A".repeat(110) + "\"]}")
                .post("/score")
                .then()
                .statusCode(404)
                .body("message", equalTo("no champion model has been published yet"));
        GameProtocol.withoutAModelTheProtocolAnswersAndPredictIsAServerError();
        importFixture("cnn-demo-v1");
        final JsonNode expected = expected();
        final Map<String, String> sequences = new HashMap<>();
        for (int i = 0; i < expected.get("sequences").size(); i++) {
            sequences.put("s" + i, expected.get("sequences").get(i).asText());
        }
        final JsonPath answer =
                given().contentType(ContentType.JSON)
                        .body(Map.of("sequences", sequences))
                        .post("/score")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(answer.getString("modelVersion")).isEqualTo("cnn-demo-v1");
        final List<Map<String, Object>> predictions = answer.getList("predictions");
        assertThat(predictions).hasSize(8);
        for (final Map<String, Object> p : predictions) {
            final int i = Integer.parseInt(((String) p.get("id")).substring(1));
            assertThat(((Number) p.get("prediction")).doubleValue())
                    .isCloseTo(expected.get("prediction").get(i).asDouble(), offset(1e-4));
        }
        final JsonPath mixed =
                given().contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "sequences",
                                        List.of(
                                                "TGCATTTTTTTCACATCAXGT",
                                                expected.get("sequences").get(0).asText(),
                                                "ACGT")))
                        .post("/score")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(mixed.getString("predictions[0].error"))
                .isEqualTo(
                        "sequence '0': invalid base 'X' at position 19 of 21 (allowed: A, C, G, T, N)");
        assertThat(mixed.getDouble("predictions[1].prediction"))
                .isCloseTo(expected.get("prediction").get(0).asDouble(), offset(1e-4));
        assertThat(mixed.getString("predictions[2].error"))
                .startsWith("sequence '2' has 4 bases; give the full measured sequence");
        assertThat(mixed.getString("predictions[1].input")).isEqualTo("oligo");
        assertThat(mixed.getString("predictions[1].warning")).isNull();
        // A bare variable region: wrapped when asked, and then scored as its oligo; told otherwise.
        final String insert =
                Flanks.DREAM_2022
                        .unwrap(DnaSequence.of(expected.get("sequences").get(0).asText()))
                        .bases();
        final JsonPath wrapped =
                given().contentType(ContentType.JSON)
                        .body(Map.of("sequences", List.of(insert), "addAdapters", true))
                        .post("/score")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(wrapped.getString("predictions[0].input")).isEqualTo("adapters-added");
        assertThat(wrapped.getDouble("predictions[0].prediction"))
                .isCloseTo(expected.get("prediction").get(0).asDouble(), offset(1e-4));
        final JsonPath bare =
                given().contentType(ContentType.JSON)
                        .body(Map.of("sequences", List.of(insert)))
                        .post("/score")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(bare.getString("predictions[0].input")).isEqualTo("as-given");
        assertThat(bare.getString("predictions[0].warning"))
                .startsWith("lacks both DREAM adapters");
        given().contentType(ContentType.JSON)
                .body("{\"sequences\": [\"" + "A".repeat(110) + "\"], \"modelVersion\": \"nope\"}")
                .post("/score")
                .then()
                .statusCode(404)
                .body("message", equalTo("unknown model version 'nope'"));
    }

    @Test
    @Order(2)
    void gameFormatsAndHelpHaveTheShapesGamesEvaluatorReads() throws IOException {
        GAME.formatsAndHelpHaveTheShapesGamesEvaluatorReads();
    }

    @Test
    @Order(2)
    void gamePointPredictionsCarryEveryFieldOfTheSpecAndTheReferenceValues() throws IOException {
        GAME.pointPredictionsCarryEveryFieldOfTheSpecAndTheReferenceValues();
    }

    @Test
    @Order(2)
    void gameReadsABodyWithoutContentTypeAndAnswersJsonWhateverIsAccepted()
            throws IOException, InterruptedException {
        GAME.aBodyWithoutContentTypeIsReadAsJsonAndTheAnswerIsJsonWhateverIsAccepted();
    }

    @Test
    @Order(2)
    void gameScoresRangesAndFlanksInTheModelsContext() throws IOException {
        GAME.rangesAndFlanksAreScoredInTheModelsContextNotDropped();
    }

    @Test
    @Order(2)
    void gameRefusesWhatTheSpecRejectsAsBadPredictionRequests() throws IOException {
        GAME.requestsTheSpecRejectsAreBadPredictionRequests();
    }

    @Test
    @Order(2)
    void gameAnswersWhatTheModelCannotServeAsPredictionRequestFailed() throws IOException {
        GAME.validRequestsTheModelCannotServeArePredictionRequestFailed();
    }

    @Test
    @Order(3)
    void scoreRequestsOverKafkaAreAnsweredPerChunkWithTheModelVersion() throws IOException {
        final JsonNode expected = expected();
        final UUID correlation =
                UUID.nameUUIDFromBytes(
                        "scoring-it".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        final List<byte[]> requests = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            final List<ScoreItem> items = new ArrayList<>();
            for (int i = c * 4; i < c * 4 + 4; i++) {
                items.add(
                        new ScoreItem(
                                "s" + i,
                                DnaSequence.of(expected.get("sequences").get(i).asText())));
            }
            if (c == 1) {
                items.add(new ScoreItem("short", DnaSequence.of("ACGTACGT")));
            }
            requests.add(
                    codec.encode(
                            new ScoreRequested(
                                    EventTypes.header(ScoreRequested.class, Lineage.NONE),
                                    correlation,
                                    "scoring-it",
                                    null,
                                    new Chunk(c, 2),
                                    items)));
        }
        TestTopics.produce(bootstrap, Topics.SCORE_REQUESTED, correlation.toString(), requests);
        final Map<String, Double> scores = new HashMap<>();
        final List<String> versions = new ArrayList<>();
        final Map<String, String> errors = new HashMap<>();
        TestTopics.readUntil(
                bootstrap,
                Topics.SCORES_COMPUTED,
                r -> {
                    final ScoresComputed s = codec.decode(r.value(), ScoresComputed.class);
                    if (s.correlationId().equals(correlation)) {
                        versions.add(s.modelVersion());
                        s.scores().forEach(x -> scores.put(x.id(), x.prediction()));
                        s.errors().forEach(x -> errors.put(x.id(), x.reason()));
                    }
                    return scores.size() == 8;
                },
                Duration.ofSeconds(60));
        assertThat(versions).containsOnly("cnn-demo-v1");
        assertThat(errors)
                .containsExactly(
                        Map.entry(
                                "short",
                                "sequence of 8 bases is too short to pad: it must be longer than the 17-base 5' adapter"));
        for (int i = 0; i < 8; i++) {
            assertThat(scores.get("s" + i))
                    .isCloseTo(expected.get("prediction").get(i).asDouble(), offset(1e-4));
        }
    }

    /**
     * The channel commits nothing itself (commit-strategy=ignore): the requests' offsets reach the
     * group only in the transactions that publish their answers, and every request is consumed.
     */
    @Test
    @Order(3)
    void answeredRequestsAreCommittedByTheTransactionsOfTheirAnswers() throws Exception {
        scoreRequestsOverKafkaAreAnsweredPerChunkWithTheModelVersion();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            final Map<TopicPartition, Long> end = requestEndOffsets(admin);
            Map<TopicPartition, Long> committed = committedRequestOffsets(admin);
            // A request dead-lettered by another test commits with the batch after its letter.
            for (int i = 0; i < 100 && !committed.equals(end); i++) {
                sleep(100);
                committed = committedRequestOffsets(admin);
            }
            assertThat(committed).as("committed offsets against the end").isEqualTo(end);
        }
    }

    /** The end of each partition of score-requested that has records. */
    private static Map<TopicPartition, Long> requestEndOffsets(final Admin admin) throws Exception {
        final Map<TopicPartition, OffsetSpec> latest =
                admin
                        .describeTopics(List.of(Topics.SCORE_REQUESTED))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(Topics.SCORE_REQUESTED)
                        .partitions()
                        .stream()
                        .collect(
                                Collectors.toMap(
                                        p ->
                                                new TopicPartition(
                                                        Topics.SCORE_REQUESTED, p.partition()),
                                        p -> OffsetSpec.latest()));
        final Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(30, TimeUnit.SECONDS)
                .forEach(
                        (p, info) -> {
                            if (info.offset() > 0) {
                                end.put(p, info.offset());
                            }
                        });
        return end;
    }

    private static Map<TopicPartition, Long> committedRequestOffsets(final Admin admin)
            throws Exception {
        final Map<TopicPartition, Long> committed = new HashMap<>();
        admin.listConsumerGroupOffsets("dreamloop.predictor.score-requested")
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS)
                .forEach((p, o) -> committed.put(p, o.offset()));
        return committed;
    }

    @Test
    @Order(3)
    void twoClientsWithTheirOwnReplyPartitionsEachReceiveOnlyTheirOwnAnswers() throws Exception {
        routing().eachClientReadsOnlyItsOwnAnswers();
    }

    @Test
    @Order(3)
    void aRequestNamingAReplyPartitionThatDoesNotExistIsDeadLettered() throws Exception {
        routing().aRequestNamingAPartitionThatDoesNotExistIsDeadLettered();
    }

    private ReplyRouting routing() throws IOException {
        final List<String> sequences = new ArrayList<>();
        expected().get("sequences").forEach(s -> sequences.add(s.asText()));
        return new ReplyRouting(bootstrap, sequences);
    }

    @Test
    @Order(4)
    void hotSwapToANewChampionKeepsOldVersionsAddressableAndRefusesTamperedArtifacts()
            throws IOException {
        importFixture("cnn-demo-v2");
        final String seq = expected().get("sequences").get(3).asText();
        given().contentType(ContentType.JSON)
                .body(Map.of("sequences", List.of(seq)))
                .post("/score")
                .then()
                .statusCode(200)
                .body("modelVersion", equalTo("cnn-demo-v2"));
        given().contentType(ContentType.JSON)
                .body(Map.of("sequences", List.of(seq), "modelVersion", "cnn-demo-v1"))
                .post("/score")
                .then()
                .statusCode(200)
                .body("modelVersion", equalTo("cnn-demo-v1"));

        // A tampered copy of the artifact is refused and the champion stays.
        final Path store = Files.createTempDirectory("tampered-store");
        final ModelStore copy = new ModelStore(store);
        final ModelManifest m =
                copy.put(
                        DATA.resolve("models/dream_cnn_demo.pt"),
                        "cnn-demo-v3",
                        "dream-cnn",
                        ModelManifest.TORCHSCRIPT,
                        null,
                        null,
                        null);
        final Path weights = store.resolve(m.sha256()).resolve("model.pt");
        final byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 3] ^= 1;
        Files.write(weights, bytes);
        TestTopics.produce(
                bootstrap,
                Topics.MODEL_PUBLISHED,
                "cnn-demo-v3",
                List.of(
                        codec.encode(
                                new ModelPublished(
                                        EventTypes.header(ModelPublished.class, Lineage.NONE),
                                        "cnn-demo-v3",
                                        "dream-cnn",
                                        "cnn-demo-v2",
                                        m.sha256(),
                                        copy.uri(m.sha256()).toString(),
                                        true,
                                        null))));
        final DeadLetter letter =
                codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.DEAD_LETTER,
                                        r ->
                                                "cnn-demo-v3"
                                                        .equals(
                                                                codec.decode(
                                                                                r.value(),
                                                                                DeadLetter.class)
                                                                        .sourceKey()),
                                        Duration.ofSeconds(60))
                                .getLast()
                                .value(),
                        DeadLetter.class);
        assertThat(letter.reason())
                .startsWith("rejected: model cnn-demo-v3 cannot be loaded: artifact ")
                .endsWith("the file was changed or corrupted");
        given().get("/models/champion")
                .then()
                .statusCode(200)
                .body("modelVersion", equalTo("cnn-demo-v2"));
    }

    @Test
    @Order(5)
    void requestsInFlightDuringASwapAreAllAnsweredAndAttributed() throws Exception {
        final JsonNode expected = expected();
        final String seq = expected.get("sequences").get(0).asText();
        final double prediction = expected.get("prediction").get(0).asDouble();
        final java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            final List<java.util.concurrent.Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(
                        pool.submit(
                                () ->
                                        given().contentType(ContentType.JSON)
                                                .body(Map.of("sequences", List.of(seq, seq, seq)))
                                                .post("/score")
                                                .then()
                                                .statusCode(200)
                                                .extract()
                                                .jsonPath()));
            }
            importFixture("cnn-demo-v4"); // while the requests are in flight
            for (final var answer : answers) {
                final JsonPath a = answer.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(a.getString("modelVersion")).isIn("cnn-demo-v2", "cnn-demo-v4");
                assertThat(a.getDouble("predictions[2].prediction"))
                        .isCloseTo(prediction, offset(1e-4));
            }
        } finally {
            pool.shutdownNow();
        }
        given().get("/models/champion")
                .then()
                .statusCode(200)
                .body("modelVersion", equalTo("cnn-demo-v4"));
    }

    @Test
    @Order(6)
    void scoringIsCountedAndTheTraceOfARequestFollowsItsAnswers() throws IOException {
        final JsonNode expected = expected();
        final String seq = expected.get("sequences").get(0).asText();
        final double sequences = Metrics.scrape("dreamloop_scoring_sequences_total");
        final double batches = Metrics.scrape("dreamloop_scoring_batch_size_count");
        final double timed = Metrics.scrape("dreamloop_scoring_batch_seconds_count");
        final String w3c = "0af7651916cd43dd8448eb211c80319c";
        given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + w3c + "-b7ad6b7169203331-01")
                .body(Map.of("sequences", List.of(seq, seq, seq)))
                .post("/score")
                .then()
                .statusCode(200)
                .header("X-Trace-Id", w3c);
        assertThat(Metrics.scrape("dreamloop_scoring_sequences_total", "model=champion"))
                .isGreaterThanOrEqualTo(3);
        assertThat(Metrics.scrape("dreamloop_scoring_sequences_total")).isEqualTo(sequences + 3);
        assertThat(Metrics.scrape("dreamloop_scoring_batch_size_count")).isEqualTo(batches + 1);
        assertThat(Metrics.scrape("dreamloop_scoring_batch_seconds_count")).isEqualTo(timed + 1);
        // Without a trace header the request gets a new id.
        final String minted =
                given().contentType(ContentType.JSON)
                        .body(Map.of("sequences", List.of(seq)))
                        .post("/score")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Trace-Id");
        assertThat(minted).matches("[0-9a-f]{32}").isNotEqualTo(w3c);

        // Over Kafka: one poll may hold requests of several traces; each answer keeps its own.
        final UUID correlation = UUID.randomUUID();
        final ScoreRequested traced =
                new ScoreRequested(
                        EventTypes.header(ScoreRequested.class, Lineage.NONE)
                                .withTraceId("it-trace-1"),
                        correlation,
                        "scoring-it",
                        null,
                        new Chunk(0, 2),
                        List.of(new ScoreItem("a", DnaSequence.of(seq))));
        final ScoreRequested untraced =
                new ScoreRequested(
                        EventTypes.header(ScoreRequested.class, Lineage.NONE),
                        correlation,
                        "scoring-it",
                        null,
                        new Chunk(1, 2),
                        List.of(new ScoreItem("b", DnaSequence.of(seq))));
        TestTopics.produce(
                bootstrap,
                Topics.SCORE_REQUESTED,
                correlation.toString(),
                List.of(codec.encode(traced), codec.encode(untraced)));
        final Map<Integer, String> traces = new HashMap<>();
        TestTopics.readUntil(
                bootstrap,
                Topics.SCORES_COMPUTED,
                r -> {
                    final ScoresComputed s = codec.decode(r.value(), ScoresComputed.class);
                    if (s.correlationId().equals(correlation)) {
                        traces.put(s.chunk().index(), s.header().traceId());
                    }
                    return traces.size() == 2;
                },
                Duration.ofSeconds(60));
        assertThat(traces)
                .containsEntry(0, "it-trace-1")
                .containsEntry(1, untraced.header().eventId().toString().replace("-", ""));
        assertThat(Metrics.scrape("dreamloop_scoring_sequences_total"))
                .isEqualTo(sequences + 3 + 1 + 2);
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
