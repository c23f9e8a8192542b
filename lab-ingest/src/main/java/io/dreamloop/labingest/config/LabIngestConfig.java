package io.dreamloop.labingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** lab-ingest settings. */
@ConfigMapping(prefix = "dreamloop.lab-ingest")
public interface LabIngestConfig {

    /** Libraries. */
    Libraries libraries();

    /** Quality control of runs. */
    Qc qc();

    /** Quality-control thresholds. */
    interface Qc {
        /** Reads below which a member's estimate is flagged {@code low-reads}. */
        @WithDefault("10")
        long minReads();
    }

    /** Limits on received libraries. */
    interface Libraries {
        /**
         * Largest library accepted; a larger one is dead-lettered instead of filling the database.
         */
        @WithDefault("2000000")
        int maxMembers();
    }
}
