package io.dreamloop.labingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.dreamloop.platform.messaging.KafkaConnection;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform's security, run once here for every service: with {@code auth=api-key} a call
 * without a key or with an unknown key gets 401, a reader may read but not submit (403), a
 * submitter uploads a run; health, metrics and OpenAPI stay open; and the Kafka settings reach the
 * platform's clients as they reach the channels.
 */
@QuarkusTest
@TestProfile(SecurityProfiles.ApiKey.class)
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "lab-ingest"))
class ApiKeySecurityIT {
    static final Header SUBMITTER = new Header("X-API-Key", SecurityProfiles.SUBMITTER_KEY);
    static final Header READER =
            new Header("Authorization", "Bearer " + SecurityProfiles.READER_KEY);
    private static boolean libraryReady;

    @Inject KafkaConnection kafka;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @BeforeEach
    void library() {
        if (!libraryReady) {
            SecuredUploads.library("lib-sec", READER);
            libraryReady = true;
        }
    }

    @Test
    void withoutCredentialsEveryEndpointIs401WithAJsonError() {
        given().get("/libraries")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error", equalTo("unauthorized"))
                .body("message", containsString("authentication required"));
        SecuredUploads.upload("run-anon", "lib-sec", SecuredUploads.counts("lib-sec", 0))
                .then()
                .statusCode(401);
        given().header(READER).get("/runs/run-anon").then().statusCode(404);
    }

    @Test
    void anUnknownKeyIs401() {
        given().header("X-API-Key", SecurityProfiles.READER_KEY + "0")
                .get("/libraries")
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthorized"))
                .body("message", containsString("not valid"));
        given().header("Authorization", "Bearer not-a-key")
                .get("/libraries/lib-sec")
                .then()
                .statusCode(401);
    }

    @Test
    void aReaderReadsButMayNotSubmit() {
        given().header(READER)
                .get("/libraries/lib-sec")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true));
        SecuredUploads.upload("run-reader", "lib-sec", SecuredUploads.counts("lib-sec", 0), READER)
                .then()
                .statusCode(403)
                .body("error", equalTo("forbidden"))
                .body("message", containsString("'submitter'"));
        given().header(READER).get("/runs/run-reader").then().statusCode(404);
    }

    @Test
    void aSubmitterUploadsARunThatAReaderThenReads() {
        SecuredUploads.upload(
                        "run-robot", "lib-sec", SecuredUploads.counts("lib-sec", 0), SUBMITTER)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("members", equalTo(SecuredUploads.MEMBERS));
        given().header(READER)
                .get("/runs/run-robot")
                .then()
                .statusCode(200)
                .body("membersCounted", equalTo(SecuredUploads.MEMBERS));
    }

    @Test
    void anOpenPathNeedsNoCredentialsAndOnlyThatPath() {
        given().get(SecurityProfiles.OPEN_PATH)
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        given().get(SecurityProfiles.OPEN_PATH + "/measurements").then().statusCode(401);
        given().get("/runs/run-closed").then().statusCode(401);
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void kafkaSettingsReachThePlatformClientsAsTheyReachTheChannels() {
        assertThat(broker)
                .containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN");
        assertThat(kafka.settings())
                .containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("bootstrap.servers", broker.get("bootstrap.servers"))
                .doesNotContainKey("group.id");
    }
}
