package io.dreamloop.designer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** designer settings. */
@ConfigMapping(prefix = "dreamloop.designer")
public interface DesignerConfig {

    /** Limits on requests. */
    Limits limits();

    /** Limits on what one request may ask for. */
    interface Limits {
        /** Largest library one request may ask for. */
        @WithDefault("1000000")
        int maxLibrarySize();

        /**
         * Random draws per requested sequence before a request is declared unsatisfiable: a request
         * whose constraints almost nothing satisfies fails with a message instead of running
         * forever.
         */
        @WithDefault("1000")
        int drawsPerSequence();
    }

    /** Scoring of GA generations through the predictor. */
    Scoring scoring();

    /** Reference data of the motif subsets. */
    Motifs motifs();

    /** How the designer asks the predictor for scores. */
    interface Scoring {
        /** Sequences per score-requested message. */
        @WithDefault("512")
        int requestSize();

        /** How long one generation may wait for its scores. */
        @WithDefault("10m")
        Duration timeout();

        /**
         * The partition of dreamloop.scores-computed this instance's answers come back on (the
         * requests name it); give each instance its own, e.g. its StatefulSet ordinal. Unset: the
         * ordinal at the end of the host name ({@code designer-2}), else the host name's hash,
         * modulo the topic's partition count. Instances sharing a partition stay correct, only
         * slower.
         */
        OptionalInt replyPartition();
    }

    /** Where the motif subsets find their motifs. */
    interface Motifs {
        /** TRANSFAC motif files (JASPAR), searched in order. */
        @WithDefault(
                "../shared/data/jaspar/derived_yeast_selected_TFs_transfac.txt,../shared/data/jaspar/JASPAR2024_CORE_fungi_non-redundant_pfms_transfac.txt")
        List<String> files();
    }
}
