package io.dreamloop.trainer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A DREAM-format file uploaded to the trainer ({@code POST /dataset/files}) becomes measurements
 * once per content, a malformed one is refused line by line, and a run on request trains on it: the
 * lineage of each of its sequences ({@code GET /dataset/sequences/{sequence}}) then names that
 * model, on the side of the held-out split the run put it.
 */
@QuarkusTest
@TestProfile(TrainingProfile.class)
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "trainer"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetFilesIT {
    private static final int ROWS = 200;
    private static final String TSV = "text/tab-separated-values";

    @Test
    @Order(1)
    void aFileIsStoredOnceAsBinIndexMeasurements() throws IOException {
        final String body = demo();
        final String fileId = "file-" + sha256(body).substring(0, 12);
        given().contentType(TSV)
                .queryParam("name", "demo-200.txt")
                .body(body)
                .post("/dataset/files")
                .then()
                .statusCode(201)
                .body("fileId", equalTo(fileId))
                .body("name", equalTo("demo-200.txt"))
                .body("rows", equalTo(ROWS))
                .body("duplicate", equalTo(false));
        assertDataset(ROWS);

        // The same content again, under another name and type: nothing added.
        given().contentType("text/plain")
                .queryParam("name", "again.txt")
                .body(body)
                .post("/dataset/files")
                .then()
                .statusCode(200)
                .body("fileId", equalTo(fileId))
                .body("name", equalTo("demo-200.txt"))
                .body("rows", equalTo(ROWS))
                .body("duplicate", equalTo(true));
        assertDataset(ROWS);

        final String[] first = lines(body).getFirst().split("\t");
        final JsonPath lineage = lineage(first[0]);
        assertThat(lineage.getString("sequence")).isEqualTo(first[0]);
        assertThat(lineage.getList("measurements")).hasSize(occurrences(body, first[0]));
        assertThat(lineage.getString("measurements[0].runId")).isEqualTo(fileId);
        assertThat(lineage.getString("measurements[0].libraryId")).isEqualTo(fileId);
        assertThat(lineage.getString("measurements[0].memberId")).isEqualTo("1");
        assertThat(lineage.getString("measurements[0].scale")).isEqualTo("bin-index");
        assertThat(lineage.getString("measurements[0].method")).isEqualTo("bin-weighted-mean");
        assertThat(lineage.getDouble("measurements[0].value"))
                .isEqualTo(Double.parseDouble(first[1]));
        assertThat(lineage.getString("measurements[0].campaignId")).isNull();
        assertThat(lineage.getString("measurements[0].cycle")).isNull();
        assertThat(lineage.getString("measurements[0].recordedAt")).isNotBlank();
        assertThat(lineage.getList("models")).isEmpty();
        // A part of the stored oligo (a designed variable region, say) finds it too.
        assertThat(lineage(first[0].substring(17, 97)).getString("measurements[0].memberId"))
                .isEqualTo("1");
    }

    @Test
    @Order(2)
    void aMalformedFileIsRefusedNamingEachBadLineAndStoresNothing() throws IOException {
        final List<String> good = lines(demo());
        final String oligo = good.get(3).split("\t")[0];
        final String bad =
                String.join(
                        "\n",
                        good.get(0),
                        good.get(1),
                        "ACGTX" + oligo.substring(5) + "\t3.5",
                        good.get(2),
                        oligo + "\tabc",
                        good.get(4));
        given().contentType(TSV)
                .queryParam("name", "bad.txt")
                .body(bad)
                .post("/dataset/files")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_file"))
                .body(
                        "message",
                        equalTo(
                                "bad.txt: 2 malformed lines, nothing was stored; first: line 3: invalid base 'X' at position 5 of 110 (allowed: A, C, G, T, N)"))
                .body(
                        "details",
                        equalTo(
                                List.of(
                                        "line 3: invalid base 'X' at position 5 of 110 (allowed: A, C, G, T, N)",
                                        "line 5: expression 'abc' is not a number")));
        given().contentType(TSV)
                .body("")
                .post("/dataset/files")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo(
                                "file-e3b0c44298fc has no rows; expected sequence<TAB>expression lines"));
        assertDataset(ROWS);
    }

    @Test
    @Order(3)
    void aModelTrainedOnTheFileIsInTheLineageOfEachSequenceOnItsSide() throws IOException {
        final String runId =
                given().post("/training").then().statusCode(202).extract().path("runId");
        final JsonPath run = awaitRun(runId, Duration.ofMinutes(8));
        assertThat(run.getString("state")).as(run.prettify()).isEqualTo("succeeded");
        final String version = run.getString("modelVersion");

        final Map<String, String> roles = new HashMap<>();
        int training = 0;
        int heldOut = 0;
        for (final String line : lines(demo())) {
            final String sequence = line.split("\t")[0];
            final String role =
                    roles.computeIfAbsent(
                            sequence,
                            s -> {
                                final JsonPath lineage = lineage(s);
                                assertThat(lineage.getList("models")).hasSize(1);
                                assertThat(lineage.getString("models[0].version"))
                                        .isEqualTo(version);
                                assertThat(lineage.getString("models[0].trainingRun"))
                                        .isEqualTo(runId);
                                assertThat(lineage.getBoolean("models[0].champion")).isTrue();
                                assertThat(lineage.getString("models[0].createdAt")).isNotBlank();
                                return lineage.getString("models[0].role");
                            });
            if ("training".equals(role)) {
                training++;
            } else {
                assertThat(role).isEqualTo("held-out");
                heldOut++;
            }
        }
        // The lineage puts every row on the side the run did.
        assertThat(training).isEqualTo(run.getInt("trainingRows"));
        assertThat(heldOut).isEqualTo(run.getInt("validationRows")).isPositive();

        final JsonPath unknown = lineage("ACGTACGTACGTACGTACGTACGTACGT");
        assertThat(unknown.getList("measurements")).isEmpty();
        assertThat(unknown.getList("models")).isEmpty();
        // A part of many measured oligos, such as their adapter, matches exactly nothing; with
        // contains=true the first of them are listed and the rest counted.
        final JsonPath adapter = lineage("TGCATTTTTTTCACATC");
        assertThat(adapter.getList("measurements")).isEmpty();
        final JsonPath some =
                given().get("/dataset/sequences/TGCATTTTTTTCACATC?contains=true&limit=7")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(some.getList("measurements")).hasSize(7);
        assertThat(some.getLong("unlisted")).isGreaterThan(100);
        given().get("/dataset/sequences/TGCA?contains=true&limit=0")
                .then()
                .statusCode(400)
                .body("message", equalTo("limit must be in [1, 1000], but was 0"));
        // A DREAM variable region finds the oligo it was measured in (the file's first row is a
        // 110-bp oligo with both adapters).
        final String oligo = lines(demo()).getFirst().split("\t")[0];
        assertThat(lineage(oligo.substring(17, oligo.length() - 13)).getList("measurements"))
                .isEqualTo(lineage(oligo).getList("measurements"))
                .isNotEmpty();
        given().get("/dataset/sequences/ACGTQ")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("invalid base 'Q' at position 5 of 5 (allowed: A, C, G, T, N)"));
    }

    private static JsonPath lineage(final String sequence) {
        // Doubles, not RestAssured's default floats: values are compared exactly.
        return given().get("/dataset/sequences/" + sequence)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static void assertDataset(final long rows) {
        final JsonPath slices = given().get("/dataset").then().statusCode(200).extract().jsonPath();
        assertThat(slices.getList("$")).hasSize(1);
        assertThat(slices.getString("[0].scale")).isEqualTo("bin-index");
        assertThat(slices.getString("[0].method")).isEqualTo("bin-weighted-mean");
        assertThat(slices.getLong("[0].measurements")).isEqualTo(rows);
        assertThat(slices.getLong("[0].runs")).isEqualTo(1);
    }

    /** The first {@value #ROWS} lines of the DREAM demo training file. */
    private static String demo() throws IOException {
        final Path demo =
                Path.of(
                        System.getProperty("dreamloop.root", "../"),
                        "..",
                        "shared",
                        "data",
                        "dream2022",
                        "demo_train.txt");
        return String.join("\n", Files.readAllLines(demo).subList(0, ROWS)) + "\n";
    }

    private static List<String> lines(final String body) {
        return body.lines().toList();
    }

    private static int occurrences(final String body, final String sequence) {
        return (int) lines(body).stream().filter(l -> l.startsWith(sequence + "\t")).count();
    }

    private static String sha256(final String body) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath awaitRun(final String runId, final Duration timeout) {
        final Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            final JsonPath run = given().get("/training/runs/" + runId).then().extract().jsonPath();
            final String state = run.getString("state");
            if (!state.equals("queued") && !state.equals("running")) {
                return run;
            }
            try {
                Thread.sleep(500);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + runId + " did not finish within " + timeout);
    }
}
