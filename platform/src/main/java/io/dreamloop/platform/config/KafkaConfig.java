package io.dreamloop.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Where the broker is and how its topics are laid out, under {@code dreamloop.kafka}. */
@ConfigMapping(prefix = "dreamloop.kafka")
public interface KafkaConfig {

    /** The broker's bootstrap servers ({@code DREAMLOOP_KAFKA_BOOTSTRAP}). */
    @WithDefault("127.0.0.1:9092")
    String bootstrap();

    /**
     * Partitions of the topics this service creates when they are missing, by the topic's short
     * name: {@code dreamloop.kafka.partitions.score-requested=12} (environment: {@code
     * DREAMLOOP_KAFKA_PARTITIONS_SCORE_REQUESTED}). Topics not named keep the catalog's count
     * ({@code Topics.CATALOG}). The partitions of a topic bound how many instances of its consumer
     * group share its work. Every service must be given the same values: whichever starts first
     * creates the topics.
     */
    Map<String, Integer> partitions();
}
