package io.dreamloop.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration every service shares, under {@code dreamloop.platform}. */
@ConfigMapping(prefix = "dreamloop.platform")
public interface PlatformConfig {

    /** This service's name: designer, predictor, lab-ingest or trainer. */
    String service();

    /**
     * Which database the service uses: {@code postgresql} (production, integration tests) or {@code
     * h2} (embedded, for the zero-setup run). Set together with the datasource {@code active} flags
     * by the {@code embedded} profile.
     */
    @WithDefault("postgresql")
    DatabaseKind database();

    /** Event consumption and publishing. */
    Messaging messaging();

    /** The two databases one build can use. */
    enum DatabaseKind {
        POSTGRESQL,
        H2
    }

    /** Event consumption and publishing settings. */
    interface Messaging {
        /** Attempts to apply an event that fails for a reason other than bad content. */
        @WithDefault("5")
        int maxAttempts();

        /** Pause before the first retry; doubles with each attempt. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** Create the catalog's topics at start-up if they are missing. */
        @WithDefault("true")
        boolean createTopics();

        /** How long a publish may wait for the broker's acknowledgement. */
        @WithDefault("30s")
        Duration sendTimeout();

        /**
         * How long a transaction may stay open ({@code transaction.timeout.ms}). The broker aborts
         * the open transaction of an instance that died after this long; until then, readers of the
         * partitions it wrote to (read_committed) and the member taking its partitions over wait.
         * Keep it near the consumers' {@code session.timeout.ms}.
         */
        @WithDefault("10s")
        Duration transactionTimeout();
    }
}
