package io.dreamloop.designer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ExpressionScale;
import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A campaign in the designer against the real broker and PostgreSQL; the test plays the trainer
 * (model-published) and no predictor runs, so the acquisition cycle's scoring fails and the
 * campaign stops with that reason. The whole loop with every service runs in the deploy module.
 */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "designer"))
class CampaignIT {
    private static final String SHA = "ab".repeat(32);

    /** A 200-bp promoter of the native subset: 13 windows of 80 at a stride of 10. */
    private static final String PROMOTER = promoter(200);

    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    @Test
    void aCycleStartsWhenItsEnsembleIsPublishedOnceAndStopsWithTheReasonWhenItCannotScore() {
        final String w3c = "5e0c5d2a7b3f4e1d9c8b7a6f5e4d3c2b";
        given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + w3c + "-1a2b3c4d5e6f7a8b-01")
                .body(
                        "{\"campaignId\": \"camp-it\", \"strategy\": \"uncertainty\", \"cycles\": 2,"
                                + " \"budget\": 30, \"candidates\": 120, \"seed\": 7,"
                                + " \"testLibrary\": {\"perSubset\": 6, \"subsets\": [\"random\", \"snv\", \"native\"],"
                                + " \"nativePromoters\": \">YTOY1\\n"
                                + PROMOTER
                                + "\\n\"}}")
                .post("/campaigns")
                .then()
                .statusCode(202)
                .body("status", equalTo("running"))
                .body("cycleDetails[0].libraryId", equalTo("camp-it-c0"))
                .header("X-Trace-Id", w3c);
        final JsonPath first =
                awaitCampaign(
                        "camp-it",
                        c -> "designed".equals(c.getString("cycleDetails[0].libraryStatus")));
        assertThat(first.getInt("cycleDetails[0].members")).isEqualTo(30);
        assertThat(first.getInt("currentCycle")).isZero();
        // The test library: its own library, the campaign's and no cycle's, designed once.
        final JsonPath tested =
                awaitCampaign(
                        "camp-it",
                        c -> "designed".equals(c.getString("testLibrary.libraryStatus")));
        assertThat(tested.getString("testLibrary.libraryId")).isEqualTo("camp-it-test");
        assertThat(tested.getInt("testLibrary.members")).isEqualTo(6 + 2 * 6 + 6);
        assertThat(tested.getList("testLibrary.subsets"))
                .containsExactly("random", "snv", "native");
        final DesignRequested test =
                codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.DESIGN_REQUESTED,
                                        r -> "camp-it-test".equals(r.key()),
                                        Duration.ofSeconds(60))
                                .getLast()
                                .value(),
                        DesignRequested.class);
        assertThat(test.header().lineage().ofTestLibrary()).isTrue();
        assertThat(test.header().lineage().campaignId()).isEqualTo("camp-it");
        assertThat(test.header().lineage().cycle()).isNull();
        // The native fragments are cut from the promoters the request gave, stored with it.
        assertThat(test.options().nativePromoters()).isEqualTo(">YTOY1\n" + PROMOTER + "\n");
        assertThat(test.header().traceId()).isEqualTo(w3c);
        final List<LibraryDesigned> testChunks =
                TestTopics.readUntil(
                                bootstrap,
                                Topics.LIBRARY_DESIGNED,
                                r -> "camp-it-test".equals(r.key()),
                                Duration.ofSeconds(60))
                        .stream()
                        .filter(r -> "camp-it-test".equals(r.key()))
                        .map(r -> codec.decode(r.value(), LibraryDesigned.class))
                        .toList();
        assertThat(testChunks).allMatch(c -> c.header().lineage().ofTestLibrary());
        // Cycle 0 is the trace of the request that started the campaign: its design request and,
        // published by the consumer that designed it, its library.
        assertThat(traceOf(Topics.DESIGN_REQUESTED, "camp-it-c0", DesignRequested.class))
                .isEqualTo(w3c);
        assertThat(traceOf(Topics.LIBRARY_DESIGNED, "camp-it-c0", LibraryDesigned.class))
                .isEqualTo(w3c);

        // One member of the ensemble is not enough; the second completes cycle 0, and the same
        // event again changes nothing.
        final byte[] m0 = model("camp-it", 0, 0, 2, 0.41);
        final byte[] m1 = model("camp-it", 0, 1, 2, 0.45);
        TestTopics.produce(bootstrap, Topics.MODEL_PUBLISHED, "camp-it", List.of(m0));
        TestTopics.produce(bootstrap, Topics.MODEL_PUBLISHED, "camp-it", List.of(m1, m1, m0));

        final ConsumerRecord<String, String> next =
                TestTopics.readUntil(
                                bootstrap,
                                Topics.DESIGN_REQUESTED,
                                r -> "camp-it-c1".equals(r.key()),
                                Duration.ofSeconds(60))
                        .getLast();
        final DesignRequested request = codec.decode(next.value(), DesignRequested.class);
        assertThat(request.header().lineage().campaignId()).isEqualTo("camp-it");
        assertThat(request.header().lineage().cycle()).isEqualTo(1);
        assertThat(request.options().acquisition().strategy()).isEqualTo("uncertainty");
        assertThat(request.options().acquisition().ensemble())
                .containsExactly("camp-it-c0-m0", "camp-it-c0-m1");
        assertThat(request.options().acquisition().candidates()).isEqualTo(120);
        // Cycle 1 starts a trace of its own, which its scoring requests carry.
        final String cycle1 = request.header().traceId();
        assertThat(cycle1).matches("[0-9a-f]{32}").isNotEqualTo(w3c);
        assertThat(
                        TestTopics.readUntil(
                                bootstrap,
                                Topics.SCORE_REQUESTED,
                                r ->
                                        cycle1.equals(
                                                codec.decode(r.value(), ScoreRequested.class)
                                                        .header()
                                                        .traceId()),
                                Duration.ofSeconds(60)))
                .isNotEmpty();

        final JsonPath failed =
                awaitCampaign("camp-it", c -> "failed".equals(c.getString("status")));
        assertThat(failed.getInt("currentCycle")).isEqualTo(1);
        assertThat(failed.getString("failure"))
                .startsWith("library camp-it-c1 failed: only 0 of 1 score chunks answered");
        assertThat(failed.getList("cycleDetails[0].models.version"))
                .containsExactly("camp-it-c0-m0", "camp-it-c0-m1");
        assertThat(failed.getDouble("cycleDetails[0].meanHeldOutR"))
                .isEqualTo(0.43, org.assertj.core.data.Offset.offset(1e-9));
        final long requests =
                TestTopics.readUntil(
                                bootstrap,
                                Topics.DESIGN_REQUESTED,
                                r -> "camp-it-c1".equals(r.key()),
                                Duration.ofSeconds(30))
                        .stream()
                        .filter(r -> "camp-it-c1".equals(r.key()))
                        .count();
        assertThat(requests).isOne();
    }

    private <E extends Event> String traceOf(
            final String topic, final String key, final Class<E> type) {
        return codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        topic,
                                        r -> key.equals(r.key()),
                                        Duration.ofSeconds(60))
                                .getLast()
                                .value(),
                        type)
                .header()
                .traceId();
    }

    @Test
    void aMaximizeCampaignAsksTheGaForItsNextBatchOnTheEnsemblesUpperBound() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"campaignId\": \"camp-max\", \"objective\": \"maximize\", \"kappa\": 2,"
                                + " \"cycles\": 1, \"budget\": 20, \"seed\": 4, \"testLibrary\": {\"perSubset\": 0}}")
                .post("/campaigns")
                .then()
                .statusCode(202)
                .body("objective", equalTo("maximize"))
                .body("kappa", equalTo(2.0f));
        awaitCampaign(
                "camp-max", c -> "designed".equals(c.getString("cycleDetails[0].libraryStatus")));
        // What cycle 0 measured (sent twice, as a redelivery): the GA of cycle 1 starts from the
        // best fifth of the budget of 20, highest first.
        final List<String> variables =
                List.of("A", "C", "G", "T", "AC").stream()
                        .map(b -> b.repeat(80 / b.length()))
                        .toList();
        final byte[] measured =
                measurements("camp-max", 0, variables, List.of(3.0, 9.0, 5.0, 1.0, 7.0));
        TestTopics.produce(
                bootstrap,
                Topics.MEASUREMENTS_RECORDED,
                "camp-max-c0",
                List.of(measured, measured));
        awaitConsumed(Topics.MEASUREMENTS_RECORDED, "applied");
        awaitConsumed(Topics.MEASUREMENTS_RECORDED, "duplicate");
        TestTopics.produce(
                bootstrap,
                Topics.MODEL_PUBLISHED,
                "camp-max",
                List.of(model("camp-max", 0, 0, 2, 0.3), model("camp-max", 0, 1, 2, 0.4)));
        final DesignRequested next =
                codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.DESIGN_REQUESTED,
                                        r -> "camp-max-c1".equals(r.key()),
                                        Duration.ofSeconds(60))
                                .getLast()
                                .value(),
                        DesignRequested.class);
        assertThat(next.quotas())
                .containsExactly(
                        new io.dreamloop.contracts.event.SubsetQuota(
                                io.dreamloop.contracts.sequence.Subset.HIGH, 20));
        assertThat(next.options().ensemble()).containsExactly("camp-max-c0-m0", "camp-max-c0-m1");
        assertThat(next.options().kappa()).isEqualTo(2.0);
        assertThat(next.options().acquisition()).isNull();
        assertThat(next.options().startFrom())
                .extracting(DnaSequence::bases)
                .containsExactly(
                        variables.get(1), variables.get(4), variables.get(2), variables.get(0));
        given().contentType(ContentType.JSON)
                .body("{\"seed\": 4, \"objective\": \"highest\"}")
                .post("/campaigns")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("unknown objective 'highest'; known: model, maximize, minimize"));
    }

    @Test
    void aCancelledCampaignRecordsTheModelsInFlightAndRequestsNoFurtherCycle() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"campaignId\": \"camp-cancel\", \"strategy\": \"uncertainty\", \"cycles\": 3,"
                                + " \"budget\": 20, \"seed\": 3, \"testLibrary\": {\"perSubset\": 0}}")
                .post("/campaigns")
                .then()
                .statusCode(202);
        awaitCampaign(
                "camp-cancel",
                c -> "designed".equals(c.getString("cycleDetails[0].libraryStatus")));
        given().queryParam("reason", "wrong flanks")
                .post("/campaigns/camp-cancel/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("failure", equalTo("wrong flanks"));
        given().post("/campaigns/camp-cancel/cancel")
                .then()
                .statusCode(409)
                .body("message", equalTo("campaign 'camp-cancel' is cancelled, not running"));
        given().post("/campaigns/nope/cancel")
                .then()
                .statusCode(404)
                .body("message", equalTo("no campaign 'nope'"));

        // The cycle in flight still ends: its models are recorded, and no next cycle follows.
        TestTopics.produce(
                bootstrap,
                Topics.MODEL_PUBLISHED,
                "camp-cancel",
                List.of(model("camp-cancel", 0, 0, 2, 0.3), model("camp-cancel", 0, 1, 2, 0.4)));
        final JsonPath after =
                awaitCampaign("camp-cancel", c -> c.getList("cycleDetails[0].models").size() == 2);
        assertThat(after.getString("status")).isEqualTo("cancelled");
        assertThat(after.getInt("currentCycle")).isZero();
        assertThat(after.getList("cycleDetails")).hasSize(1);
        assertThatThrownBy(
                        () ->
                                TestTopics.readUntil(
                                        bootstrap,
                                        Topics.DESIGN_REQUESTED,
                                        r -> "camp-cancel-c1".equals(r.key()),
                                        Duration.ofSeconds(15)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no matching record");
    }

    @Test
    void badCampaignsAreRefusedAndModelsOfUnknownCampaignsDeadLettered() {
        given().contentType(ContentType.JSON)
                .body("{\"cycles\": 2}")
                .post("/campaigns")
                .then()
                .statusCode(400)
                .body("message", equalTo("'seed' is required: every campaign is reproducible"));
        given().contentType(ContentType.JSON)
                .body("{\"strategy\": \"greedy\", \"seed\": 1}")
                .post("/campaigns")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        startsWith(
                                "strategy must be one of [disagreement, diverse-uncertainty, exploit-high"));
        given().contentType(ContentType.JSON)
                .body("{\"budget\": 50, \"candidates\": 10, \"seed\": 1}")
                .post("/campaigns")
                .then()
                .statusCode(400)
                .body("message", equalTo("candidates (10) must be at least the budget (50)"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"campaignId\": \"camp-twice\", \"budget\": 20, \"seed\": 1,"
                                + " \"testLibrary\": {\"perSubset\": 0}}")
                .post("/campaigns")
                .then()
                .statusCode(202)
                .body("testLibrary", nullValue());
        given().contentType(ContentType.JSON)
                .body("{\"campaignId\": \"camp-twice\", \"budget\": 20, \"seed\": 1}")
                .post("/campaigns")
                .then()
                .statusCode(409)
                .body("message", equalTo("campaign 'camp-twice' already exists"));
        // A test library the campaign cannot have is refused before anything is stored.
        given().contentType(ContentType.JSON)
                .body(
                        "{\"campaignId\": \"camp-bad-test\", \"seed\": 1,"
                                + " \"testLibrary\": {\"subsets\": [\"random\", \"challenging\"]}}")
                .post("/campaigns")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo(
                                "testLibrary.subsets has 'challenging', which needs a second model: set testLibrary.challenger to the model version whose disagreement with the champion is sought"));
        given().contentType(ContentType.JSON)
                .body("{\"seed\": 1, \"testLibrary\": {\"perSubset\": -1}}")
                .post("/campaigns")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("testLibrary.perSubset must be in [0, 10000], but was -1"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"campaignId\": \"camp-bad-test\", \"seed\": 1,"
                                + " \"testLibrary\": {\"nativePromoters\": \"ACGT\"}}")
                .post("/campaigns")
                .then()
                .statusCode(400)
                .body("message", startsWith("testLibrary.nativePromoters line 1: "));
        given().get("/campaigns/camp-bad-test").then().statusCode(404);
        given().get("/campaigns/nope")
                .then()
                .statusCode(404)
                .body("message", equalTo("no campaign 'nope'"));

        TestTopics.produce(
                bootstrap,
                Topics.MODEL_PUBLISHED,
                "ghost",
                List.of(model("camp-ghost", 0, 0, 2, 0.5)));
        final List<ConsumerRecord<String, String>> letters =
                TestTopics.readUntil(
                        bootstrap,
                        Topics.DEAD_LETTER,
                        r -> {
                            final DeadLetter d = codec.decode(r.value(), DeadLetter.class);
                            return d.reason().contains("camp-ghost");
                        },
                        Duration.ofSeconds(60));
        final DeadLetter letter = codec.decode(letters.getLast().value(), DeadLetter.class);
        assertThat(letter.reason())
                .isEqualTo("rejected: model camp-ghost-c0-m0 names unknown campaign 'camp-ghost'");
    }

    private byte[] model(
            final String campaign,
            final int cycle,
            final int index,
            final int size,
            final double r) {
        final String version = "%s-c%d-m%d".formatted(campaign, cycle, index);
        return codec.encode(
                new ModelPublished(
                        EventTypes.header(
                                ModelPublished.class,
                                new Lineage(campaign, cycle, null, null, version)),
                        version,
                        "dream-cnn",
                        null,
                        SHA,
                        "file:///models/" + SHA,
                        false,
                        Map.of("pearson.all", r),
                        new ModelPublished.EnsembleMember(index, size)));
    }

    /** One chunk of measurements of a campaign cycle's library, members m0, m1, ... */
    private byte[] measurements(
            final String campaign,
            final int cycle,
            final List<String> variables,
            final List<Double> values) {
        final String library = "%s-c%d".formatted(campaign, cycle);
        final List<Measurement> rows = new java.util.ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            rows.add(
                    new Measurement(
                            library + "-m" + i,
                            Flanks.DREAM_2022.wrap(DnaSequence.of(variables.get(i))),
                            values.get(i),
                            100,
                            false,
                            null,
                            null,
                            null,
                            null));
        }
        return codec.encode(
                new MeasurementsRecorded(
                        EventTypes.header(
                                MeasurementsRecorded.class,
                                new Lineage(campaign, cycle, library, "run-" + library, null)),
                        "run-" + library,
                        library,
                        "bin-weighted-mean",
                        ExpressionScale.BIN_INDEX,
                        new Chunk(0, 1),
                        rows));
    }

    /** Waits until the designer has counted an event of {@code topic} with {@code outcome}. */
    private static void awaitConsumed(final String topic, final String outcome) {
        final java.util.regex.Pattern counted =
                java.util.regex.Pattern.compile(
                        "dreamloop_events_consumed_total\\{[^}]*outcome=\"%s\"[^}]*topic=\"%s\"[^}]*} [1-9]"
                                .formatted(outcome, java.util.regex.Pattern.quote(topic)));
        final Instant deadline = Instant.now().plusSeconds(60);
        while (!counted.matcher(given().get("/q/metrics").asString()).find()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no %s event of %s within 60 s".formatted(outcome, topic));
            }
            try {
                Thread.sleep(250);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static JsonPath awaitCampaign(final String id, final Predicate<JsonPath> done) {
        final Instant deadline = Instant.now().plusSeconds(120);
        JsonPath last = null;
        while (Instant.now().isBefore(deadline)) {
            final var response = given().get("/campaigns/" + id);
            if (response.statusCode() == 200) {
                last = response.jsonPath();
                if (done.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(250);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError(
                "campaign "
                        + id
                        + " did not get there within 120 s: "
                        + (last == null ? "none" : last.prettify()));
    }

    private static String promoter(final int length) {
        final SplittableRandom random = new SplittableRandom(17);
        final StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append("ACGT".charAt(random.nextInt(4)));
        }
        return out.toString();
    }
}
