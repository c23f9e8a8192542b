package io.dreamloop.labingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code auth=oidc}, bearer JWTs verified by quarkus-oidc against a public key (no identity
 * provider running): roles come from the {@code groups} claim; a token from another key, another
 * issuer or past its expiry is 401.
 */
@QuarkusTest
@TestProfile(SecurityProfiles.Oidc.class)
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "lab-ingest"))
class OidcSecurityIT {
    private static boolean libraryReady;

    @BeforeEach
    void library() {
        if (!libraryReady) {
            SecuredUploads.library("lib-oidc", bearer(token("dashboard", "reader")));
            libraryReady = true;
        }
    }

    @Test
    void aReaderTokenReadsButMayNotSubmit() {
        final Header reader = bearer(token("dashboard", "reader"));
        given().header(reader).get("/libraries").then().statusCode(200);
        SecuredUploads.upload(
                        "run-oidc-r", "lib-oidc", SecuredUploads.counts("lib-oidc", 0), reader)
                .then()
                .statusCode(403)
                .body("error", equalTo("forbidden"));
        given().header(reader).get("/runs/run-oidc-r").then().statusCode(404);
    }

    @Test
    void aSubmitterTokenUploadsARun() {
        SecuredUploads.upload(
                        "run-oidc",
                        "lib-oidc",
                        SecuredUploads.counts("lib-oidc", 0),
                        bearer(token("lab-robot", "submitter")))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
        given().header(bearer(token("dashboard", "reader")))
                .get("/runs/run-oidc")
                .then()
                .statusCode(200);
    }

    @Test
    void missingForgedForeignOrExpiredTokensAre401() {
        given().get("/libraries").then().statusCode(401).body("error", equalTo("unauthorized"));
        final PrivateKey other = otherKey();
        given().header(
                        bearer(
                                Jwt.issuer(SecurityProfiles.ISSUER)
                                        .upn("mallory")
                                        .groups(Set.of("submitter"))
                                        .sign(other)))
                .get("/libraries")
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthorized"));
        given().header(
                        bearer(
                                Jwt.issuer("https://elsewhere.test")
                                        .upn("dashboard")
                                        .groups(Set.of("reader"))
                                        .sign(SecurityProfiles.TOKEN_KEYS.getPrivate())))
                .get("/libraries")
                .then()
                .statusCode(401);
        final long now = System.currentTimeMillis() / 1000;
        given().header(
                        bearer(
                                Jwt.issuer(SecurityProfiles.ISSUER)
                                        .upn("dashboard")
                                        .groups(Set.of("reader"))
                                        .issuedAt(now - 7200)
                                        .expiresAt(now - 3600)
                                        .sign(SecurityProfiles.TOKEN_KEYS.getPrivate())))
                .get("/libraries")
                .then()
                .statusCode(401);
        given().header(bearer(token("nobody"))).get("/libraries").then().statusCode(403);
    }

    private static String token(final String user, final String... groups) {
        return Jwt.issuer(SecurityProfiles.ISSUER)
                .upn(user)
                .groups(Set.of(groups))
                .expiresIn(600)
                .sign(SecurityProfiles.TOKEN_KEYS.getPrivate());
    }

    private static Header bearer(final String token) {
        return new Header("Authorization", "Bearer " + token);
    }

    private static PrivateKey otherKey() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }
}
