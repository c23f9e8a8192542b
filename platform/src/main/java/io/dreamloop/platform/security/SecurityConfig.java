package io.dreamloop.platform.security;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Authentication and upload limits of every service, under {@code dreamloop.security}. */
@ConfigMapping(prefix = "dreamloop.security")
public interface SecurityConfig {

    /**
     * How callers authenticate. Default {@code none}: every endpoint is open, as the embedded run
     * and the tests expect; production sets {@code api-key} or {@code oidc}.
     */
    @WithDefault("none")
    Auth auth();

    /**
     * The API keys, used when {@link #auth()} is {@code api-key}: comma-separated entries {@code
     * name:roles:sha256}, roles joined by {@code +} ({@code reader}, {@code submitter}), sha256 the
     * lower-case hex SHA-256 of the key. Only hashes are configured, so a leaked configuration does
     * not leak a usable key. Set from the environment ({@code DREAMLOOP_SECURITY_API_KEYS}), never
     * in a file of the repository.
     */
    Optional<List<String>> apiKeys();

    /**
     * Paths that anyone may call without credentials whatever {@link #auth()} says, exact and
     * comma-separated. For the predictor's GAME paths ({@code /formats,/help,/predict}): GAME's
     * evaluators send no credentials. Empty by default.
     */
    Optional<List<String>> openPaths();

    /** Limits on uploaded files. */
    Upload upload();

    /** The authentication modes. */
    enum Auth {
        /** No authentication: every caller may read and submit. */
        NONE,
        /** {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. */
        API_KEY,
        /** {@code Authorization: Bearer <JWT>} verified by quarkus-oidc. */
        OIDC
    }

    /**
     * Limits on uploaded files (the whole body is limited by quarkus.http.limits.max-body-size).
     */
    interface Upload {
        /**
         * The largest file one upload field may carry; a larger one is refused with 413 before it
         * is read. A 100,000-member run with 18 bins is about 10 MB of counts.
         */
        @WithDefault("64M")
        MemorySize maxFileSize();
    }
}
