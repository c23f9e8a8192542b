package io.dreamloop.labingest;

import io.dreamloop.platform.security.ApiKeys;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The production security settings, made in the test: API keys derived from a fixed seed (their
 * hashes configured, as in production), and a seeded RSA key pair whose public half verifies the
 * tokens the OIDC tests sign. Nothing secret is written in a file.
 */
final class SecurityProfiles {
    /** The submitter's key (lab robot). */
    static final String SUBMITTER_KEY = key(1);

    /** The reader's key (dashboard). */
    static final String READER_KEY = key(2);

    /** The issuer the OIDC profile requires. */
    static final String ISSUER = "https://id.dreamloop.test/realms/lab";

    /** Signs the tokens the OIDC profile accepts (a test key, derived from a seed). */
    static final KeyPair TOKEN_KEYS = rsa();

    /** The largest file the API-key profile accepts. */
    static final int MAX_FILE_BYTES = 16 * 1024;

    private SecurityProfiles() {}

    /** The one path {@link ApiKey} opens to callers without credentials. */
    public static final String OPEN_PATH = "/runs/run-open";

    /**
     * {@code auth=api-key} with a submitter and a reader key, a 16 KiB file limit and one {@link
     * #OPEN_PATH open path}.
     */
    public static final class ApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dreamloop.security.auth",
                    "api-key",
                    "dreamloop.security.api-keys",
                    "lab-robot:submitter:%s,dashboard:reader:%s"
                            .formatted(hash(SUBMITTER_KEY), hash(READER_KEY)),
                    "dreamloop.security.upload.max-file-size",
                    MAX_FILE_BYTES / 1024 + "K",
                    "dreamloop.security.open-paths",
                    OPEN_PATH,
                    // Any kafka.* setting reaches every client; PLAIN is inert on PLAINTEXT.
                    "kafka.sasl.mechanism",
                    "PLAIN");
        }
    }

    /** {@code auth=oidc}, tokens verified with the public key of {@link #TOKEN_KEYS}. */
    public static final class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dreamloop.security.auth",
                    "oidc",
                    "quarkus.oidc.tenant-enabled",
                    "true",
                    "quarkus.oidc.public-key",
                    Base64.getEncoder().encodeToString(TOKEN_KEYS.getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer",
                    ISSUER);
        }
    }

    private static String key(final long seed) {
        final byte[] bytes = new byte[32];
        new SplittableRandom(seed).nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String hash(final String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    /**
     * A key pair from a seeded generator: Quarkus builds a test profile in another class loader
     * than the test's, so each loader computes this constant, and both must get the same pair.
     */
    private static KeyPair rsa() {
        try {
            final SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(2022L); // before any output: the sequence depends on the seed only
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, seeded);
            return generator.generateKeyPair();
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }
}
