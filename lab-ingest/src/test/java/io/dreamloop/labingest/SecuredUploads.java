package io.dreamloop.labingest;

import static io.restassured.RestAssured.given;

import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** A small library sent over Kafka and run uploads to it, with credentials as headers. */
final class SecuredUploads {
    static final int MEMBERS = 20;
    static final String GATES =
            "bin\tstart_quantile\tend_quantile\tcells\n"
                    + "a\t0.001\t0.25\t100\nb\t0.25\t0.5\t100\nc\t0.5\t0.75\t100\nd\t0.75\t0.999\t100\n";

    private SecuredUploads() {}

    /** Sends library {@code id} and waits until lab-ingest holds all of it. */
    static void library(final String id, final Header reader) {
        TestTopics.produce(
                Infrastructure.get().kafkaBootstrap(),
                Topics.LIBRARY_DESIGNED,
                id,
                List.of(
                        EventCodec.instance()
                                .encode(
                                        LibraryDesignedConsumerIT.library(id, 17, MEMBERS, 1)
                                                .get(0))));
        final Instant deadline = Instant.now().plusSeconds(60);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            final Response response = given().header(reader).get("/libraries/" + id);
            if (response.statusCode() == 200 && response.jsonPath().getBoolean("complete")) {
                return;
            }
            last = response.statusCode() + " " + response.asString();
            try {
                Thread.sleep(200);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(
                "library %s not complete within 60 s; last answer: %s".formatted(id, last));
    }

    /**
     * A count table of every member of library {@code id}, keyed by variable region, padded to at
     * least {@code minBytes} with rows of reads that match no member (seeded, so always the same).
     */
    static String counts(final String id, final int minBytes) {
        final StringBuilder table = new StringBuilder("sequence\tunsorted\ta\tb\tc\td\n");
        final List<LibraryMember> members =
                LibraryDesignedConsumerIT.library(id, 17, MEMBERS, 1).get(0).members();
        for (int i = 0; i < MEMBERS; i++) {
            table.append(members.get(i).variable().bases())
                    .append("\t80\t%d\t10\t15\t%d\n".formatted(5 + i, 30 - i));
        }
        final SplittableRandom random = new SplittableRandom(3);
        while (table.length() < minBytes) {
            for (int j = 0; j < 80; j++) {
                table.append("ACGT".charAt(random.nextInt(4)));
            }
            table.append("\t1\t1\t1\t1\t1\n");
        }
        return table.toString();
    }

    /** Uploads a run with these credentials (none when {@code credentials} is empty). */
    static Response upload(
            final String runId,
            final String libraryId,
            final String counts,
            final Header... credentials) {
        var request = given();
        for (final Header header : credentials) {
            request = request.header(header);
        }
        return request.multiPart("runId", runId)
                .multiPart("libraryId", libraryId)
                .multiPart(
                        "gates",
                        "gates.tsv",
                        GATES.getBytes(StandardCharsets.UTF_8),
                        "text/tab-separated-values")
                .multiPart(
                        "counts",
                        "counts.tsv",
                        counts.getBytes(StandardCharsets.UTF_8),
                        "text/tab-separated-values")
                .post("/runs");
    }
}
