package io.dreamloop.designer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.designer.rest.DesignRequestBody;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.Metrics;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** designer against the real broker and PostgreSQL. */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "designer"))
class DesignerIT {
    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    @Test
    void aHundredThousandSequenceLibraryIsDesignedStoredAndPublishedUnderTheMessageLimit() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"libraryId\": \"lib-100k\", \"quotas\": {\"random\": 100000}, \"seed\": 2022}")
                .post("/libraries")
                .then()
                .statusCode(202)
                .header("Location", endsWith("/libraries/lib-100k"))
                .body("sequences", equalTo(100000));
        final JsonPath library = awaitLibrary("lib-100k");
        assertThat(library.getString("status")).isEqualTo("designed");
        assertThat(library.getInt("totalMembers")).isEqualTo(100_000);
        final int chunks = library.getInt("chunks");

        final Set<Integer> seenChunks = new HashSet<>();
        final Set<String> memberIds = new HashSet<>();
        final List<ConsumerRecord<String, String>> read =
                TestTopics.readUntil(
                        bootstrap,
                        Topics.LIBRARY_DESIGNED,
                        r -> {
                            if (!r.key().equals("lib-100k")) {
                                return false;
                            }
                            assertThat(r.value().getBytes(StandardCharsets.UTF_8).length)
                                    .isLessThan(1024 * 1024);
                            final LibraryDesigned e =
                                    codec.decode(r.value(), LibraryDesigned.class);
                            seenChunks.add(e.chunk().index());
                            e.members().forEach(m -> memberIds.add(m.id()));
                            return seenChunks.size() == chunks;
                        },
                        Duration.ofSeconds(120));
        assertThat(read).isNotEmpty();
        assertThat(memberIds).hasSize(100_000);

        final String tsv =
                given().get("/libraries/lib-100k/members?format=tsv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        final String[] lines = tsv.split("\n");
        assertThat(lines).hasSize(100_001);
        assertThat(lines[0])
                .isEqualTo("id\tsubset\tpair_id\tvariable\toligo\tmethod\tpredictions\tprovenance");
        assertThat(lines[1])
                .startsWith("lib-100k-random-000000\trandom\t\t")
                .contains("\tTGCATTTTTTTCACATC");
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        given().contentType(ContentType.JSON)
                .body("{\"quotas\": {\"medium\": 10}, \"seed\": 1}")
                .post("/libraries")
                .then()
                .statusCode(400)
                .body("message", startsWith("unknown subset 'medium'; known: high, low"));
        given().contentType(ContentType.JSON)
                .body("{\"quotas\": {\"random\": 10}}")
                .post("/libraries")
                .then()
                .statusCode(400)
                .body("message", equalTo("'seed' is required: every library is reproducible"));
        given().contentType(ContentType.JSON)
                .body("{\"quotas\": {\"challenging\": 10}, \"seed\": 1}")
                .post("/libraries")
                .then()
                .statusCode(400)
                .body("message", startsWith("the challenging subset needs two models"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"quotas\": {\"native\": 2}, \"seed\": 1, \"options\": {\"nativePromoters\": \">p1\\nACGTX\"}}")
                .post("/libraries")
                .then()
                .statusCode(400)
                .body("message", containsString("line 2"));
        given().contentType(ContentType.JSON)
                .body("{\"quotas\": {\"random\": 10}, \"seed\": 1, \"upstream\": \"ACGTQ\"}")
                .post("/libraries")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("invalid base 'Q' at position 5 of 5 (allowed: A, C, G, T, N)"));
        given().get("/libraries/nope")
                .then()
                .statusCode(404)
                .body("message", equalTo("unknown library 'nope'"));
    }

    @Test
    void anUnsatisfiableRequestFailsWithAMessageAndADuplicateIdIsDeadLettered() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"libraryId\": \"lib-tiny\", \"quotas\": {\"random\": 300}, \"seed\": 5, \"variableLength\": 4}")
                .post("/libraries")
                .then()
                .statusCode(202);
        final JsonPath failed = awaitLibrary("lib-tiny");
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("failure"))
                .startsWith("found only 256 of 300 random sequences of length 4");

        // A request under a used id is refused at once, so a client cannot take the old library
        // for the new one ...
        given().contentType(ContentType.JSON)
                .body("{\"libraryId\": \"lib-tiny\", \"quotas\": {\"random\": 3}, \"seed\": 6}")
                .post("/libraries")
                .then()
                .statusCode(409)
                .body("message", startsWith("library 'lib-tiny' already exists (from request "));
        // ... and one that reaches the topic some other way is dead-lettered with the reason.
        TestTopics.produce(
                bootstrap,
                Topics.DESIGN_REQUESTED,
                "lib-tiny",
                List.of(
                        codec.encode(
                                new DesignRequestBody(
                                                "lib-tiny",
                                                Map.of("random", 3),
                                                6L,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null)
                                        .toEvent())));
        final List<ConsumerRecord<String, String>> letters =
                TestTopics.readUntil(
                        bootstrap,
                        Topics.DEAD_LETTER,
                        r -> {
                            final DeadLetter d = codec.decode(r.value(), DeadLetter.class);
                            return "lib-tiny".equals(d.sourceKey());
                        },
                        Duration.ofSeconds(60));
        final DeadLetter letter = codec.decode(letters.getLast().value(), DeadLetter.class);
        assertThat(letter.reason())
                .startsWith("rejected: library 'lib-tiny' already exists (from request ");
        assertThat(letter.service()).isEqualTo("designer");
    }

    /** No predictor runs in this test: scoring times out (3 s here) and the library says why. */
    @Test
    void aModelGuidedLibraryWithoutAPredictorFailsWithTheReason() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"libraryId\": \"lib-blind\", \"quotas\": {\"high\": 5}, \"seed\": 5, \"options\": {\"gaPreset\": \"test\"}}")
                .post("/libraries")
                .then()
                .statusCode(202);
        final JsonPath failed = awaitLibrary("lib-blind");
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("failure"))
                .startsWith("only 0 of 1 score chunks answered within PT3S")
                .endsWith("is the predictor running with a champion model?");
    }

    /**
     * A GA library designed against a toy predictor on the broker: each generation is counted and
     * timed, and the request's trace goes with the design request, every score request and the
     * library's chunks.
     */
    @Test
    void gaGenerationsAreCountedAndTheRequestsTraceFollowsTheDesign() throws Exception {
        final String trace = "it-ga-trace-1";
        try (ToyPredictor predictor = new ToyPredictor(bootstrap)) {
            given().contentType(ContentType.JSON)
                    .header("X-Trace-Id", trace)
                    .body(
                            "{\"libraryId\": \"lib-ga\", \"quotas\": {\"high\": 5, \"random\": 4},"
                                    + " \"seed\": 5, \"options\": {\"gaPreset\": \"test\"}}")
                    .post("/libraries")
                    .then()
                    .statusCode(202)
                    .header("X-Trace-Id", trace);
            final JsonPath library = awaitLibrary("lib-ga");
            assertThat(library.getString("status")).as(library.prettify()).isEqualTo("designed");
            assertThat(predictor.traces()).containsExactly(trace);
        }
        final String method = "method=ga.vaishnav.high";
        // The test preset evolves 3 generations per run (a run restarts when it falls short).
        final double generations = Metrics.scrape("dreamloop_designer_generations_total", method);
        assertThat(generations).isPositive();
        assertThat(generations % 3).isZero();
        assertThat(Metrics.scrape("dreamloop_designer_generation_seconds_count", method))
                .isEqualTo(generations);
        assertThat(Metrics.scrape("dreamloop_designer_generation_seconds_sum", method))
                .isPositive();
        // GC fraction x 17 of an 80-base insert in its flanks: somewhere in (0, 17).
        assertThat(Metrics.scrape("dreamloop_designer_top_decile_fitness", method))
                .isStrictlyBetween(0.0, 17.0);
        assertThat(
                        Metrics.scrape(
                                "dreamloop_designer_libraries_total",
                                "outcome=designed",
                                "preset=test",
                                "source=request"))
                .isEqualTo(1);
        assertThat(Metrics.scrape("dreamloop_designer_members_total", "subset=high")).isEqualTo(5);

        final DesignRequested request =
                codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.DESIGN_REQUESTED,
                                        r -> "lib-ga".equals(r.key()),
                                        Duration.ofSeconds(30))
                                .getLast()
                                .value(),
                        DesignRequested.class);
        assertThat(request.header().traceId()).isEqualTo(trace);
        final LibraryDesigned chunk =
                codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.LIBRARY_DESIGNED,
                                        r -> "lib-ga".equals(r.key()),
                                        Duration.ofSeconds(30))
                                .getLast()
                                .value(),
                        LibraryDesigned.class);
        assertThat(chunk.header().traceId()).isEqualTo(trace);
    }

    private static JsonPath awaitLibrary(final String id) {
        final Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            final var response = given().get("/libraries/" + id);
            if (response.statusCode() == 200) {
                return response.jsonPath();
            }
            try {
                Thread.sleep(250);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("library " + id + " not designed within 180 s");
    }
}
