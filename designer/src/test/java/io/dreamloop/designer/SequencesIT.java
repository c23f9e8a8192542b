package io.dreamloop.designer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /sequences/{sequence}} against the real broker and PostgreSQL: a designed member is
 * found by its variable region and by its full oligo, a campaign cycle's member names its campaign.
 */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "designer"))
class SequencesIT {

    @Test
    void aMemberIsFoundByItsVariableRegionAndByItsFullOligo() {
        given().contentType(ContentType.JSON)
                .body("{\"libraryId\": \"lib-seq\", \"quotas\": {\"random\": 50}, \"seed\": 31}")
                .post("/libraries")
                .then()
                .statusCode(202);
        awaitDesigned("/libraries/lib-seq", "status");
        final String[] member = members("lib-seq").get(7);
        final String id = member[0];
        final String variable = member[3];
        final String oligo = member[4];
        assertThat(oligo).hasSizeGreaterThan(variable.length()).contains(variable);

        for (final String asked : List.of(variable, oligo, variable.toLowerCase(Locale.ROOT))) {
            final JsonPath found =
                    given().get("/sequences/" + asked).then().statusCode(200).extract().jsonPath();
            assertThat(found.getList("$")).as(asked).hasSize(1);
            assertThat(found.getString("[0].libraryId")).isEqualTo("lib-seq");
            assertThat(found.getString("[0].memberId")).isEqualTo(id);
            assertThat(found.getString("[0].subset")).isEqualTo("random");
            assertThat(found.getString("[0].method")).isEqualTo(member[5]);
            assertThat(found.getString("[0].pairId")).isNull();
            assertThat(found.getString("[0].campaignId")).isNull();
            assertThat(found.getString("[0].createdAt")).isNotBlank();
            // Stored as key=value;... and answered as JSON objects.
            assertThat(found.getMap("[0].provenance")).isEqualTo(keyValues(member[7]));
            assertThat(found.getMap("[0].predictions").keySet())
                    .isEqualTo(keyValues(member[6]).keySet());
        }
    }

    @Test
    void anUnknownSequenceIsAnEmptyListAndAnInvalidOneIsRefused() {
        given().get("/sequences/ACGTACGTACGTACGTACGTACGT")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().get("/sequences/ACGTXACGT")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("invalid base 'X' at position 5 of 9 (allowed: A, C, G, T, N)"));
    }

    @Test
    void aCampaignCyclesMemberNamesItsCampaign() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"campaignId\": \"camp-seq\", \"strategy\": \"random\", \"cycles\": 1,"
                                + " \"budget\": 20, \"seed\": 5, \"testLibrary\": {\"perSubset\": 0}}")
                .post("/campaigns")
                .then()
                .statusCode(202);
        awaitDesigned("/campaigns/camp-seq", "cycleDetails[0].libraryStatus");
        final String[] member = members("camp-seq-c0").getFirst();
        given().get("/sequences/" + member[4])
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].libraryId", equalTo("camp-seq-c0"))
                .body("[0].memberId", equalTo(member[0]))
                .body("[0].campaignId", equalTo("camp-seq"));
    }

    /** The library's TSV rows without the header, split into columns. */
    private static List<String[]> members(final String libraryId) {
        final String tsv =
                given().get("/libraries/" + libraryId + "/members?format=tsv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        return tsv.lines().skip(1).map(l -> l.split("\t", -1)).toList();
    }

    private static Map<String, String> keyValues(final String stored) {
        final Map<String, String> out = new java.util.LinkedHashMap<>();
        if (!stored.isEmpty()) {
            for (final String part : stored.split(";")) {
                final String[] kv = part.split("=", 2);
                out.put(kv[0], kv[1]);
            }
        }
        return out;
    }

    private static void awaitDesigned(final String path, final String statusField) {
        final Instant deadline = Instant.now().plusSeconds(120);
        String last = "none";
        while (Instant.now().isBefore(deadline)) {
            final var response = given().get(path);
            if (response.statusCode() == 200) {
                last = response.asString();
                if ("designed".equals(response.jsonPath().getString(statusField))) {
                    return;
                }
            }
            try {
                Thread.sleep(250);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(path + " not designed within 120 s: " + last);
    }
}
