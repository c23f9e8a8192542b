package io.dreamloop.labingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.event.EventHeader;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** lab-ingest against the real broker and PostgreSQL: idempotent, dead-lettering, never stuck. */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "lab-ingest"))
class LibraryDesignedConsumerIT {
    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    @Test
    void duplicatesHaveOneEffectAndPoisonIsDeadLetteredWithoutStoppingTheConsumer() {
        final List<LibraryDesigned> chunks = library("lib-dup", 7, 250, 2);
        final byte[] chunk0 = codec.encode(chunks.get(0));
        final LibraryDesigned resent =
                new LibraryDesigned(
                        EventTypes.header(LibraryDesigned.class, chunks.get(1).header().lineage()),
                        chunks.get(1).libraryId(),
                        chunks.get(1).totalMembers(),
                        chunks.get(1).flanks(),
                        chunks.get(1).provenance(),
                        chunks.get(1).chunk(),
                        chunks.get(1).members());
        final String poison = "{\"header\": {\"type\": \"library-designed\"";
        // Same key, so one partition: the dead letter of the poison proves everything before it
        // was handled.
        TestTopics.produce(
                bootstrap,
                Topics.LIBRARY_DESIGNED,
                "lib-dup",
                List.of(
                        chunk0,
                        codec.encode(chunks.get(1)),
                        chunk0, // the same delivery twice
                        codec.encode(resent), // the same chunk again under a new event id
                        poison.getBytes(StandardCharsets.UTF_8)));

        final DeadLetter letter = awaitDeadLetter("lib-dup");
        assertThat(letter.reason()).startsWith("malformed: payload is not valid JSON");
        assertThat(letter.service()).isEqualTo("lab-ingest");
        assertThat(letter.payload()).isEqualTo(poison);

        final JsonPath status = libraryStatus("lib-dup");
        assertThat(status.getLong("membersReceived")).isEqualTo(250);
        assertThat(status.getLong("chunksReceived")).isEqualTo(2);
        assertThat(status.getBoolean("complete")).isTrue();

        // The consumer kept going: a later library on another key is stored too.
        final List<LibraryDesigned> later = library("lib-after-poison", 8, 40, 1);
        TestTopics.produce(
                bootstrap,
                Topics.LIBRARY_DESIGNED,
                "lib-after-poison",
                List.of(codec.encode(later.get(0))));
        awaitComplete("lib-after-poison");
        assertThat(libraryStatus("lib-after-poison").getLong("membersReceived")).isEqualTo(40);
    }

    @Test
    void invalidSequenceIsDeadLetteredNamingThePosition() {
        final LibraryDesigned one = library("lib-bad-base", 9, 3, 1).get(0);
        final String good = one.members().get(2).variable().bases();
        final String json =
                codec.encodeToString(one)
                        .replace(good, good.substring(0, 4) + "U" + good.substring(5));
        TestTopics.produce(bootstrap, Topics.LIBRARY_DESIGNED, "lib-bad-base", json);
        final DeadLetter letter = awaitDeadLetter("lib-bad-base");
        assertThat(letter.reason())
                .isEqualTo(
                        "malformed: invalid library-designed at 'members[2].variable': invalid base 'U' at position 5 of 80 (allowed: A, C, G, T, N)");
        given().get("/libraries/lib-bad-base")
                .then()
                .statusCode(404)
                .body("message", equalTo("unknown library 'lib-bad-base'"));
    }

    @Test
    void contradictoryChunkIsRejected() {
        final List<LibraryDesigned> chunks = library("lib-contradiction", 10, 20, 2);
        final LibraryDesigned liar =
                new LibraryDesigned(
                        EventTypes.header(
                                LibraryDesigned.class, Lineage.ofLibrary("lib-contradiction")),
                        "lib-contradiction",
                        999,
                        Flanks.DREAM_2022,
                        chunks.get(1).provenance(),
                        new Chunk(1, 3),
                        chunks.get(1).members());
        TestTopics.produce(
                bootstrap,
                Topics.LIBRARY_DESIGNED,
                "lib-contradiction",
                List.of(codec.encode(chunks.get(0)), codec.encode(liar)));
        final DeadLetter letter = awaitDeadLetter("lib-contradiction");
        assertThat(letter.reason())
                .isEqualTo(
                        "rejected: chunk 1 of library 'lib-contradiction' says 999 members in 3 chunks, but earlier chunks said 20 in 2");
        assertThat(libraryStatus("lib-contradiction").getLong("membersReceived")).isEqualTo(10);
    }

    private DeadLetter awaitDeadLetter(final String sourceKey) {
        final List<ConsumerRecord<String, String>> read =
                TestTopics.readUntil(
                        bootstrap,
                        Topics.DEAD_LETTER,
                        r ->
                                codec.decode(r.value(), DeadLetter.class)
                                        .sourceKey()
                                        .equals(sourceKey),
                        Duration.ofSeconds(60));
        return codec.decode(read.getLast().value(), DeadLetter.class);
    }

    private static JsonPath libraryStatus(final String id) {
        return given().get("/libraries/" + id).then().statusCode(200).extract().jsonPath();
    }

    static void awaitComplete(final String id) {
        final Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            final var response = given().get("/libraries/" + id);
            if (response.statusCode() == 200 && response.jsonPath().getBoolean("complete")) {
                return;
            }
            sleep();
        }
        throw new AssertionError("library " + id + " not complete within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A seeded random library split into {@code chunks} events. */
    static List<LibraryDesigned> library(
            final String id, final long seed, final int size, final int chunks) {
        final Random random = new Random(seed);
        final List<LibraryMember> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            final char[] bases = new char[80];
            for (int j = 0; j < 80; j++) {
                bases[j] = "ACGT".charAt(random.nextInt(4));
            }
            members.add(
                    new LibraryMember(
                            "m" + i,
                            Subset.RANDOM,
                            null,
                            DnaSequence.of(new String(bases)),
                            "random",
                            null));
        }
        final List<LibraryDesigned> events = new ArrayList<>();
        final int per = (size + chunks - 1) / chunks;
        for (int c = 0; c < chunks; c++) {
            final EventHeader header =
                    EventTypes.header(LibraryDesigned.class, Lineage.ofLibrary(id));
            events.add(
                    new LibraryDesigned(
                            header,
                            id,
                            size,
                            Flanks.DREAM_2022,
                            new DesignProvenance("test", seed, null, null),
                            new Chunk(c, chunks),
                            members.subList(c * per, Math.min(size, (c + 1) * per))));
        }
        return events;
    }
}
