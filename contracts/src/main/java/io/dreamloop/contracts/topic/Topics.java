package io.dreamloop.contracts.topic;

import io.dreamloop.contracts.event.EventTypes;
import java.util.List;
import java.util.Optional;

/** Topic names and the topology of the loop. */
public final class Topics {
    /** What every topic name starts with; the rest is its short name. */
    public static final String PREFIX = "dreamloop.";

    public static final String DESIGN_REQUESTED = "dreamloop.design-requested";
    public static final String SCORE_REQUESTED = "dreamloop.score-requested";
    public static final String SCORES_COMPUTED = "dreamloop.scores-computed";
    public static final String LIBRARY_DESIGNED = "dreamloop.library-designed";
    public static final String SORTSEQ_RUN_SUBMITTED = "dreamloop.sortseq-run-submitted";
    public static final String MEASUREMENTS_RECORDED = "dreamloop.measurements-recorded";
    public static final String MODEL_PUBLISHED = "dreamloop.model-published";
    public static final String DEAD_LETTER = "dreamloop.dead-letter";

    /** Service names, as used for consumer groups, health checks and the topology. */
    public static final String DESIGNER = "designer";

    public static final String PREDICTOR = "predictor";
    public static final String LAB_INGEST = "lab-ingest";
    public static final String TRAINER = "trainer";
    public static final List<String> SERVICES = List.of(DESIGNER, PREDICTOR, LAB_INGEST, TRAINER);

    /** Every topic of the loop: its event type, partitions, key, producers and consumers. */
    public static final List<TopicSpec> CATALOG =
            List.of(
                    new TopicSpec(
                            DESIGN_REQUESTED,
                            EventTypes.DESIGN_REQUESTED,
                            3,
                            "libraryId",
                            List.of("user", DESIGNER),
                            List.of(DESIGNER)),
                    new TopicSpec(
                            SCORE_REQUESTED,
                            EventTypes.SCORE_REQUESTED,
                            6,
                            "correlationId",
                            List.of(DESIGNER, "user"),
                            List.of(PREDICTOR)),
                    new TopicSpec(
                            SCORES_COMPUTED,
                            EventTypes.SCORES_COMPUTED,
                            6,
                            "correlationId",
                            List.of(PREDICTOR),
                            List.of(DESIGNER)),
                    new TopicSpec(
                            LIBRARY_DESIGNED,
                            EventTypes.LIBRARY_DESIGNED,
                            3,
                            "libraryId",
                            List.of(DESIGNER),
                            List.of(LAB_INGEST)),
                    new TopicSpec(
                            SORTSEQ_RUN_SUBMITTED,
                            EventTypes.SORTSEQ_RUN_SUBMITTED,
                            3,
                            "runId",
                            List.of("lab", LAB_INGEST),
                            List.of(LAB_INGEST)),
                    new TopicSpec(
                            MEASUREMENTS_RECORDED,
                            EventTypes.MEASUREMENTS_RECORDED,
                            3,
                            "runId",
                            List.of(LAB_INGEST),
                            List.of(TRAINER)),
                    new TopicSpec(
                            MODEL_PUBLISHED,
                            EventTypes.MODEL_PUBLISHED,
                            1,
                            "modelVersion",
                            List.of(TRAINER, PREDICTOR),
                            List.of(PREDICTOR, DESIGNER, TRAINER)),
                    new TopicSpec(
                            DEAD_LETTER,
                            EventTypes.DEAD_LETTER,
                            1,
                            "sourceTopic",
                            List.of(DESIGNER, PREDICTOR, LAB_INGEST, TRAINER),
                            List.of("operator")));

    private Topics() {}

    public static Optional<TopicSpec> find(final String name) {
        return CATALOG.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * A topic's name without {@link #PREFIX}: {@code score-requested} for {@code
     * dreamloop.score-requested}; the name of its partition setting ({@link TopicPartitions}).
     */
    public static String shortName(final String topic) {
        return topic.startsWith(PREFIX) ? topic.substring(PREFIX.length()) : topic;
    }

    /** The consumer group of one service's subscription to one topic: one group per channel. */
    public static String consumerGroup(final String service, final String topic) {
        return "dreamloop." + service + "." + topic.substring(topic.indexOf('.') + 1);
    }
}
