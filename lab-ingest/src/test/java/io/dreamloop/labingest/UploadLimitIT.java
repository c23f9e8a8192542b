package io.dreamloop.labingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upload over {@code dreamloop.security.upload.max-file-size} (16 KiB in this profile) is
 * refused with 413 naming the file and the limit, and stores nothing; the same run under the limit
 * is accepted, so the refusal was the size and nothing else.
 */
@QuarkusTest
@TestProfile(SecurityProfiles.ApiKey.class)
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "lab-ingest"))
class UploadLimitIT {
    private static boolean libraryReady;

    @BeforeEach
    void library() {
        if (!libraryReady) {
            SecuredUploads.library("lib-big", ApiKeySecurityIT.READER);
            libraryReady = true;
        }
    }

    @Test
    void anOversizeFileIs413AndNothingIsStored() {
        final String big = SecuredUploads.counts("lib-big", SecurityProfiles.MAX_FILE_BYTES + 1);
        assertThat(big.length()).isGreaterThan(SecurityProfiles.MAX_FILE_BYTES);
        SecuredUploads.upload("run-big", "lib-big", big, ApiKeySecurityIT.SUBMITTER)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(413)
                .body("error", equalTo("request_entity_too_large"))
                .body("message", containsString("file 'counts' (counts.tsv) is " + big.length()))
                .body("message", containsString("dreamloop.security.upload.max-file-size"));
        given().header(ApiKeySecurityIT.READER).get("/runs/run-big").then().statusCode(404);
        assertThat(
                        given().header(ApiKeySecurityIT.READER)
                                .get("/libraries/runs/run-big/measurements")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getMap("$"))
                .isEmpty();

        final String small =
                SecuredUploads.counts("lib-big", SecurityProfiles.MAX_FILE_BYTES - 2048);
        SecuredUploads.upload("run-big", "lib-big", small, ApiKeySecurityIT.SUBMITTER)
                .then()
                .statusCode(201);
    }
}
