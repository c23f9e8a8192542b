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

    /** The in-silico sort-seq lab. */
    InSilico insilico();

    /**
     * The in-silico lab: measures every completed library, so the loop closes without a wet lab.
     */
    interface InSilico {
        /** Measure every library as soon as all of it has arrived. */
        @WithDefault("false")
        boolean enabled();

        /** TRANSFAC motif file of the ground-truth model (the yeast selection of JASPAR 2024). */
        @WithDefault("../shared/data/jaspar/derived_yeast_selected_TFs_transfac.txt")
        String motifs();

        /** Seed of the simulated sort (cells, noise, reads). */
        @WithDefault("2022")
        long seed();

        /** Sorting bins (contiguous, equal population mass, as in the DREAM training library). */
        @WithDefault("18")
        int bins();

        /** Mean cells per library member. */
        @WithDefault("100")
        double cellsPerSequence();

        /** Sequencing reads per sorted cell. */
        @WithDefault("10")
        double readsPerCell();
    }

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
