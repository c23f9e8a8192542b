package io.dreamloop.trainer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ExpressionScale;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.evaluation.Correlations;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.Metrics;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Measurements arriving over the real broker trigger a training run (every 1,500 here); the run
 * trains a CPU-size DREAM-CNN with the DREAM recipe, evaluates it on held-out rows by the
 * challenge's scores, registers it and publishes model-published as champion, and the trainer
 * learns from that event that the predictor serves it. A run on request fine-tunes the champion,
 * and meanwhile a better champion is imported into the predictor (the TorchScript fixture,
 * announced on model-published): the run's version scores worse on the same held-out rows and the
 * fixture keeps serving. A cancelled run leaves the champion as it was.
 */
@QuarkusTest
@TestProfile(TrainingProfile.class)
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = {
            @ResourceArg(name = "service", value = "trainer"),
            @ResourceArg(name = "instance", value = "training")
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingIT {
    private static final String FIXTURE = "dream-cnn-demo-it";
    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    @Test
    @Order(1)
    void measurementsTriggerARunThatPublishesARegisteredChampion() throws IOException {
        final List<Measurement> rows = demoRows(2000);
        final List<byte[]> events = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            events.add(
                    codec.encode(
                            new MeasurementsRecorded(
                                    EventTypes.header(
                                            MeasurementsRecorded.class,
                                            Lineage.ofLibrary("dream-demo").withRun("run-train")),
                                    "run-train",
                                    "dream-demo",
                                    "bin-weighted-mean",
                                    ExpressionScale.BIN_INDEX,
                                    new Chunk(c, 4),
                                    rows.subList(c * 500, (c + 1) * 500))));
        }
        TestTopics.produce(bootstrap, Topics.MEASUREMENTS_RECORDED, "run-train", events);

        final JsonPath run = awaitRun(0, Duration.ofMinutes(8));
        assertThat(run.getString("state")).as(run.prettify()).isEqualTo("succeeded");
        assertThat(run.getString("trigger")).endsWith("new measurements");
        assertThat(run.getInt("epoch")).isEqualTo(2);
        // The run starts once 1,500 are committed; the last chunk may or may not be in by then.
        assertThat(run.getInt("trainingRows") + run.getInt("validationRows")).isIn(1500, 2000);

        final JsonPath champion =
                given().get("/models/champion").then().statusCode(200).extract().jsonPath();
        final String version = champion.getString("version");
        assertThat(version).isEqualTo(run.getString("modelVersion"));
        assertThat(champion.getString("parentVersion")).isNull();
        assertThat(champion.getDouble("metrics.'pearson.random'")).isGreaterThan(0.1);
        assertThat(champion.getDouble("metrics.'n.random'")).isGreaterThan(100);
        assertThat(champion.getString("trainingData.scale")).isEqualTo("bin-index");
        assertThat(run.getString("reason"))
                .startsWith("champion: held-out r ")
                .endsWith("; the predictor serves no champion yet");
        assertThat(run.getBoolean("decision.champion")).isTrue();
        assertThat(run.getString("decision.servedVersion")).isNull();

        final ModelPublished published =
                codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.MODEL_PUBLISHED,
                                        r ->
                                                version.equals(
                                                        codec.decode(
                                                                        r.value(),
                                                                        ModelPublished.class)
                                                                .modelVersion()),
                                        Duration.ofSeconds(30))
                                .getLast()
                                .value(),
                        ModelPublished.class);
        assertThat(published.champion()).isTrue();
        assertThat(published.architecture()).isEqualTo("dream-cnn");
        assertThat(published.artifactSha256()).isEqualTo(champion.getString("artifactSha256"));
        assertThat(Path.of(java.net.URI.create(published.artifactUri())).resolve("manifest.json"))
                .exists();
        assertThat(published.metrics()).containsKey("score.pearson");
        // Its own model-published tells the trainer what the predictor serves now.
        final JsonPath served = awaitServed(version);
        assertThat(served.getString("origin")).isEqualTo("trained");
        assertThat(served.getString("format")).isEqualTo("djl");
        assertThat(served.getString("artifactSha256")).isEqualTo(published.artifactSha256());
        // Measurements without a trace id: the run continues the one derived from the event
        // id of the chunk that started it.
        final List<String> chunkTraces =
                events.stream()
                        .map(e -> codec.decode(e, MeasurementsRecorded.class).header().eventId())
                        .map(id -> id.toString().replace("-", ""))
                        .toList();
        assertThat(published.header().traceId()).isIn(chunkTraces);

        assertThat(Metrics.scrape("dreamloop_training_runs_total", "outcome=started")).isEqualTo(1);
        assertThat(Metrics.scrape("dreamloop_training_runs_total", "outcome=succeeded"))
                .isEqualTo(1);
        assertThat(Metrics.scrape("dreamloop_training_duration_seconds_count")).isEqualTo(1);
        assertThat(Metrics.scrape("dreamloop_training_active")).isZero();
        assertThat(Metrics.scrape("dreamloop_training_epoch")).isEqualTo(2);
        assertThat(Metrics.scrape("dreamloop_training_step_fraction")).isEqualTo(1.0);
        assertThat(Metrics.scrape("dreamloop_training_loss")).isPositive();
        assertThat(Metrics.scrape("dreamloop_training_validation_r")).isBetween(-1.0, 1.0);
        assertThat(Metrics.scrape("dreamloop_training_examples_per_second")).isPositive();
    }

    @Test
    @Order(2)
    void aRunOnRequestFineTunesTheChampionAndABetterChampionImportedMeanwhileKeepsServing()
            throws IOException {
        final String first =
                given().get("/models/champion").then().extract().jsonPath().getString("version");
        given().header("X-Trace-Id", "it-training-request")
                .post("/training")
                .then()
                .statusCode(202)
                .header("X-Trace-Id", "it-training-request");
        // Once the run has fine-tuned from the champion and validated its start, the predictor
        // gets a better champion: the TorchScript fixture, trained in PyTorch on the demo data
        // these rows come from. The run is compared at its end with what is served then.
        awaitStarted(1);
        importFixture();
        final JsonPath served = awaitServed(FIXTURE);
        assertThat(served.getString("origin")).isEqualTo("imported");
        assertThat(served.getString("format")).isEqualTo("torchscript");
        assertThat(served.getString("description")).isEqualTo("TorchScript import");
        // The trainer's own versions are served no more.
        assertThat(given().get("/models/champion").then().statusCode(404).extract().asString())
                .contains("the predictor serves " + FIXTURE + " (TorchScript import)");

        final JsonPath run = awaitRun(1, Duration.ofMinutes(8));
        assertThat(run.getString("state")).as(run.prettify()).isEqualTo("succeeded");
        // The run trains on its own thread and its event still carries the request's trace.
        final String version = run.getString("modelVersion");
        final ModelPublished published = published(version);
        assertThat(published.header().traceId()).isEqualTo("it-training-request");
        assertThat(Metrics.scrape("dreamloop_training_runs_total", "outcome=started")).isEqualTo(2);
        assertThat(Metrics.scrape("dreamloop_training_runs_total", "outcome=succeeded"))
                .isEqualTo(2);
        assertThat(run.getString("trigger")).isEqualTo("request");
        final JsonPath second =
                given().get("/models/" + version).then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("parentVersion")).isEqualTo(first);
        assertThat(given().get("/models").then().extract().jsonPath().getList("$")).hasSize(2);

        // Worse than the fixture on the same held-out rows: registered, published, not champion.
        final String reason = run.getString("reason");
        final java.util.regex.Matcher numbers =
                java.util.regex.Pattern.compile(
                                "not champion: held-out r (-?\\d\\.\\d{4}) < (-?\\d\\.\\d{4}) of "
                                        + FIXTURE
                                        + " \\(served by the predictor, TorchScript import\\)")
                        .matcher(reason);
        assertThat(numbers.matches()).as(reason).isTrue();
        assertThat(run.getBoolean("decision.champion")).isFalse();
        assertThat(run.getString("decision.servedVersion")).isEqualTo(FIXTURE);
        assertThat(run.getDouble("decision.heldOutR"))
                .isCloseTo(Double.parseDouble(numbers.group(1)), Offset.offset(1e-4));
        assertThat(run.getDouble("decision.servedR"))
                .isCloseTo(Double.parseDouble(numbers.group(2)), Offset.offset(1e-4))
                .isGreaterThan(run.getDouble("decision.heldOutR"));
        assertThat(second.getBoolean("champion")).isFalse();
        assertThat(second.getDouble("metrics.'champion.pearson.all'"))
                .isCloseTo(run.getDouble("decision.servedR"), Offset.offset(1e-6));
        assertThat(published.champion()).isFalse();
        assertThat(given().get("/models/served").then().extract().jsonPath().getString("version"))
                .isEqualTo(FIXTURE);
    }

    @Test
    @Order(3)
    void aCancelledRunLeavesTheChampionServing() {
        final String before =
                given().get("/models/served").then().extract().jsonPath().getString("version");
        // Bad settings are refused before anything is queued.
        given().contentType(ContentType.JSON)
                .body("{\"epochs\": 0}")
                .post("/training")
                .then()
                .statusCode(400)
                .body("message", equalTo("epochs must be in [1, 1000], but was 0"));
        given().contentType(ContentType.JSON)
                .body("{\"epoch\": 3}")
                .post("/training")
                .then()
                .statusCode(400)
                .body("message", containsString("Unrecognized field \"epoch\""));
        given().contentType(ContentType.JSON)
                .body("{\"architecture\": \"dream-gpt\"}")
                .post("/training")
                .then()
                .statusCode(400)
                .body("message", containsString("dream-gpt"));
        // A run's own settings override the trainer's configuration, and its view shows them.
        final String runId =
                given().contentType(ContentType.JSON)
                        .body(
                                "{\"epochs\": 2, \"batchSize\": 32, \"mode\": \"scratch\", \"maxLr\": 0.002}")
                        .post("/training")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("runId");
        given().post("/training/runs/" + runId + "/cancel").then().statusCode(202);
        final JsonPath run = awaitRun(2, Duration.ofMinutes(3));
        assertThat(run.getString("runId")).isEqualTo(runId);
        assertThat(run.getInt("epochs")).isEqualTo(2);
        assertThat(run.getInt("batchSize")).isEqualTo(32);
        assertThat(run.getString("mode")).isEqualTo("scratch");
        assertThat(run.getString("size")).isEqualTo("cpu");
        assertThat(run.getDouble("maxLr")).isEqualTo(0.002);
        assertThat(run.getString("state")).isEqualTo("cancelled");
        assertThat(run.getString("reason")).endsWith("the champion did not change");
        assertThat(Metrics.scrape("dreamloop_training_runs_total", "outcome=cancelled"))
                .isEqualTo(1);
        assertThat(Metrics.scrape("dreamloop_training_duration_seconds_count", "outcome=cancelled"))
                .isEqualTo(1);
        assertThat(given().get("/models/served").then().extract().jsonPath().getString("version"))
                .isEqualTo(before);
        given().post("/training/runs/" + runId + "/cancel").then().statusCode(409);
        given().get("/training/runs/nope").then().statusCode(404);
    }

    @Test
    @Order(4)
    void aCompleteCampaignRunTrainsTheCycleEnsembleOnTheCampaignsMeasurementsOnce()
            throws IOException {
        final List<Measurement> all = demoRows(2550);
        final List<Measurement> rows = all.subList(2000, 2400);
        // The campaign's test library, half of it before the cycle: never trained on, and
        // not scored on until it is complete.
        final List<Measurement> test = testLibrary(all.subList(2400, 2550));
        final List<byte[]> testChunks = testLibraryChunks("camp-t", test);
        TestTopics.produce(
                bootstrap, Topics.MEASUREMENTS_RECORDED, "run-camp-test", testChunks.subList(0, 1));
        awaitTestLibraryRows("camp-t", 75);
        final List<byte[]> events = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            events.add(
                    codec.encode(
                            new MeasurementsRecorded(
                                    EventTypes.header(
                                                    MeasurementsRecorded.class,
                                                    new Lineage(
                                                            "camp-t",
                                                            0,
                                                            "camp-t-c0",
                                                            "run-camp",
                                                            null))
                                            .withTraceId("it-campaign-cycle-0"),
                                    "run-camp",
                                    "camp-t-c0",
                                    "bin-weighted-mean",
                                    ExpressionScale.BIN_INDEX,
                                    new Chunk(c, 2),
                                    rows.subList(c * 200, (c + 1) * 200))));
        }
        // The first chunk alone starts nothing; the second completes the run; the second again
        // (a redelivery) starts nothing more.
        TestTopics.produce(bootstrap, Topics.MEASUREMENTS_RECORDED, "run-camp", events);
        TestTopics.produce(
                bootstrap, Topics.MEASUREMENTS_RECORDED, "run-camp", List.of(events.get(1)));

        final List<ModelPublished> published = new ArrayList<>();
        TestTopics.readUntil(
                bootstrap,
                Topics.MODEL_PUBLISHED,
                r -> {
                    final ModelPublished m = codec.decode(r.value(), ModelPublished.class);
                    if ("camp-t".equals(m.header().lineage().campaignId())) {
                        published.add(m);
                    }
                    return published.size() == 2;
                },
                Duration.ofMinutes(8));
        assertThat(published)
                .extracting(m -> m.ensemble().index() + "/" + m.ensemble().size())
                .containsExactlyInAnyOrder("0/2", "1/2");
        for (final ModelPublished m : published) {
            assertThat(m.champion()).isFalse();
            assertThat(m.header().lineage().cycle()).isZero();
            assertThat(m.modelVersion()).startsWith("camp-t-c0-m" + m.ensemble().index() + "-");
            assertThat(m.metrics()).containsKey("pearson.all");
            // The cycle's trace goes from its measurements to both ensemble members.
            assertThat(m.header().traceId()).isEqualTo("it-campaign-cycle-0");
        }
        assertThat(published.get(0).artifactSha256())
                .isNotEqualTo(published.get(1).artifactSha256());

        final List<JsonPath> campaignRuns = new ArrayList<>();
        final JsonPath runs = given().get("/training/runs").then().extract().jsonPath();
        for (int i = 0; i < runs.getList("$").size(); i++) {
            if ("camp-t".equals(runs.getString("[" + i + "].campaignId"))) {
                campaignRuns.add(
                        JsonPath.from(
                                given().get("/training/runs/" + runs.getString("[" + i + "].runId"))
                                        .then()
                                        .extract()
                                        .asString()));
            }
        }
        assertThat(campaignRuns).hasSize(2);
        for (final JsonPath run : campaignRuns) {
            assertThat(run.getString("state")).isEqualTo("succeeded");
            assertThat(run.getString("mode")).isEqualTo("scratch");
            // Only the campaign's 400 measurements, not the 2,000 measured outside it.
            assertThat(run.getInt("trainingRows") + run.getInt("validationRows")).isEqualTo(400);
        }
        for (final JsonPath run : campaignRuns) {
            // Compared with the served fixture, and never champion by the campaign's policy.
            assertThat(run.getString("reason"))
                    .startsWith("not champion (policy never): held-out r ")
                    .endsWith(" of " + FIXTURE + " (served by the predictor, TorchScript import)");
        }
        assertThat(given().get("/models/served").then().extract().jsonPath().getString("version"))
                .isEqualTo(FIXTURE);

        // The cycle is scored once the test library is complete.
        assertThat(
                        given().get("/campaigns/camp-t/evaluation")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("cycles"))
                .isEmpty();
        TestTopics.produce(
                bootstrap, Topics.MEASUREMENTS_RECORDED, "run-camp-test", testChunks.subList(1, 2));
        final JsonPath evaluation = awaitEvaluatedCycles("camp-t", 1);
        assertThat(evaluation.getInt("testLibraryRows")).isEqualTo(150);
        // What the cycle's own batch measured; these rows carry no truth.
        assertThat(evaluation.getInt("batches[0].n")).isEqualTo(400);
        assertThat(evaluation.getDouble("batches[0].measured.mean"))
                .isCloseTo(
                        rows.stream().mapToDouble(Measurement::value).average().orElseThrow(),
                        Offset.offset(1e-4));
        assertThat(evaluation.getMap("batches[0]")).containsEntry("truth", null);
        assertThat(evaluation.getInt("cycles[0].cycle")).isZero();
        assertThat(evaluation.getInt("cycles[0].testRows")).isEqualTo(150);
        assertThat(evaluation.getList("cycles[0].models", String.class))
                .containsExactly(
                        published.stream()
                                .sorted(java.util.Comparator.comparing(m -> m.ensemble().index()))
                                .map(ModelPublished::modelVersion)
                                .toArray(String[]::new));
        final Map<String, Number> metrics = evaluation.getMap("cycles[0].metrics");
        assertThat(metrics)
                .containsKeys(
                        "score.pearson",
                        "pearson.random",
                        "pearson.high",
                        "truth.pearson.all",
                        "truth.score.pearson",
                        "member.0.pearson.all",
                        "member.1.pearson.all");
        // The lab's ceiling: measured against truth over the test rows.
        assertThat(metrics.get("lab.pearson.truth").doubleValue())
                .isCloseTo(
                        Correlations.pearson(
                                        test.stream().mapToDouble(Measurement::value).toArray(),
                                        test.stream().mapToDouble(Measurement::truth).toArray())
                                .value(),
                        Offset.offset(1e-6));
        // The ensemble's predictions, row by row, give the published r.
        final List<String> tsv =
                List.of(
                        given().get("/campaigns/camp-t/evaluation/0/predictions")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()
                                .split("\n"));
        assertThat(tsv.getFirst()).isEqualTo("row_id\tsubset\tpair\tmeasured\ttruth\tpredicted");
        assertThat(tsv).hasSize(151);
        final double[] measured = new double[150];
        final double[] predicted = new double[150];
        for (int i = 0; i < 150; i++) {
            final String[] f = tsv.get(i + 1).split("\t", -1);
            measured[i] = Double.parseDouble(f[3]);
            predicted[i] = Double.parseDouble(f[5]);
        }
        assertThat(metrics.get("pearson.all").doubleValue())
                .isCloseTo(Correlations.pearson(predicted, measured).value(), Offset.offset(1e-5));
        given().get("/campaigns/camp-t/evaluation/1/predictions")
                .then()
                .statusCode(404)
                .body(
                        "message",
                        org.hamcrest.Matchers.equalTo(
                                "campaign 'camp-t' has no cycle 1 scored on its test library"));
    }

    /**
     * Test-library measurements as the in-silico lab records them: half random, half high, each
     * with a truth that differs from the measurement by a fixed wobble.
     */
    private static List<Measurement> testLibrary(final List<Measurement> rows) {
        final List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            final Measurement m = rows.get(i);
            out.add(
                    new Measurement(
                            "test-" + i,
                            m.sequence(),
                            m.value(),
                            100,
                            false,
                            null,
                            i < rows.size() / 2 ? Subset.RANDOM : Subset.HIGH,
                            null,
                            m.value() + Math.sin(i)));
        }
        return out;
    }

    /** The test library's two chunks, its lineage the campaign's and no cycle's. */
    private List<byte[]> testLibraryChunks(final String campaign, final List<Measurement> rows) {
        final List<byte[]> out = new ArrayList<>();
        final int half = rows.size() / 2;
        for (int c = 0; c < 2; c++) {
            out.add(
                    codec.encode(
                            new MeasurementsRecorded(
                                    EventTypes.header(
                                            MeasurementsRecorded.class,
                                            Lineage.testLibrary(campaign, campaign + "-test")
                                                    .withRun("run-camp-test")),
                                    "run-camp-test",
                                    campaign + "-test",
                                    "bin-weighted-mean",
                                    ExpressionScale.BIN_INDEX,
                                    new Chunk(c, 2),
                                    rows.subList(c * half, (c + 1) * half))));
        }
        return out;
    }

    private static void awaitTestLibraryRows(final String campaign, final int rows) {
        final Instant deadline = Instant.now().plusSeconds(60);
        while (given().get("/campaigns/" + campaign + "/evaluation")
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("testLibraryRows")
                < rows) {
            assertThat(Instant.now()).as("test library rows stored").isBefore(deadline);
            pause();
        }
    }

    private static JsonPath awaitEvaluatedCycles(final String campaign, final int cycles) {
        final Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            final JsonPath view =
                    given().get("/campaigns/" + campaign + "/evaluation")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
            if (view.getList("cycles").size() >= cycles) {
                return view;
            }
            assertThat(Instant.now()).as("cycles scored on the test library").isBefore(deadline);
            pause();
        }
    }

    /**
     * What POST /models/import of the predictor does: the TorchScript fixture into the shared
     * store, and a champion model-published.
     */
    private void importFixture() throws IOException {
        final Path fixture =
                Path.of(
                        System.getProperty("dreamloop.root", "../"),
                        "..",
                        "shared",
                        "data",
                        "models",
                        "dream_cnn_demo.pt");
        final ModelStore store = new ModelStore(Path.of("target/training-it-models"));
        final ModelManifest imported =
                store.put(
                        fixture,
                        FIXTURE,
                        "dream-cnn",
                        ModelManifest.TORCHSCRIPT,
                        null,
                        Map.of(),
                        Map.of("source", "import"));
        TestTopics.produce(
                bootstrap,
                Topics.MODEL_PUBLISHED,
                FIXTURE,
                List.of(
                        codec.encode(
                                new ModelPublished(
                                        EventTypes.header(
                                                ModelPublished.class,
                                                Lineage.NONE.withModelVersion(FIXTURE)),
                                        FIXTURE,
                                        "dream-cnn",
                                        null,
                                        imported.sha256(),
                                        store.uri(imported.sha256()).toString(),
                                        true,
                                        Map.of()))));
    }

    /** The model-published event of a version. */
    private ModelPublished published(final String version) {
        return codec.decode(
                TestTopics.readUntil(
                                bootstrap,
                                Topics.MODEL_PUBLISHED,
                                r ->
                                        version.equals(
                                                codec.decode(r.value(), ModelPublished.class)
                                                        .modelVersion()),
                                Duration.ofSeconds(30))
                        .getLast()
                        .value(),
                ModelPublished.class);
    }

    /**
     * Waits until the {@code index}-th run (0 = oldest) has validated its starting weights: it has
     * chosen what it fine-tunes from.
     */
    private static void awaitStarted(final int index) {
        final Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            final JsonPath runs = given().get("/training/runs").then().extract().jsonPath();
            final int count = runs.getList("$").size();
            if (count > index) {
                final String path = "[" + (count - 1 - index) + "]";
                if (runs.get(path + ".validationR") != null) {
                    return;
                }
                assertThat(runs.getString(path + ".state")).isIn("queued", "running");
            }
            pause();
        }
        throw new AssertionError("run " + index + " did not start within 3 min");
    }

    /** Waits until the trainer says the predictor serves {@code version}. */
    private static JsonPath awaitServed(final String version) {
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            final io.restassured.response.Response r = given().get("/models/served");
            if (r.statusCode() == 200 && version.equals(r.jsonPath().getString("version"))) {
                return r.jsonPath();
            }
            pause();
        }
        throw new AssertionError("the trainer did not learn that " + version + " is served");
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the {@code index}-th run (0 = oldest) has finished. */
    private static JsonPath awaitRun(final int index, final Duration timeout) {
        final Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            final JsonPath runs = given().get("/training/runs").then().extract().jsonPath();
            final int count = runs.getList("$").size();
            if (count > index) {
                final String path = "[" + (count - 1 - index) + "]";
                final String state = runs.getString(path + ".state");
                if (!state.equals("queued") && !state.equals("running")) {
                    return JsonPath.from(
                            given().get("/training/runs/" + runs.getString(path + ".runId"))
                                    .then()
                                    .extract()
                                    .asString());
                }
            }
            try {
                Thread.sleep(500);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + index + " did not finish within " + timeout);
    }

    private static List<Measurement> demoRows(final int n) throws IOException {
        final Path demo =
                Path.of(
                        System.getProperty("dreamloop.root", "../"),
                        "..",
                        "shared",
                        "data",
                        "dream2022",
                        "demo_train.txt");
        final List<Measurement> rows = new ArrayList<>();
        for (final String line : Files.readAllLines(demo).subList(0, n)) {
            final String[] f = line.split("\t");
            final double value = Double.parseDouble(f[1]);
            rows.add(
                    new Measurement(
                            "demo-" + rows.size(),
                            DnaSequence.of(f[0]),
                            value,
                            0,
                            value == Math.rint(value),
                            null,
                            Subset.RANDOM,
                            null));
        }
        return rows;
    }
}
