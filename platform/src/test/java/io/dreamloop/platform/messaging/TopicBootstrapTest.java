package io.dreamloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.platform.config.KafkaConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The partition settings as a service reads them: keys, environment variables, bad values. */
class TopicBootstrapTest {

    @Test
    void withoutSettingsTheCatalogIsUsed() {
        assertThat(TopicBootstrap.partitions(fromProperties(Map.of())).catalog())
                .isEqualTo(Topics.CATALOG);
    }

    @Test
    void aKeyOrAnEnvironmentVariableSetsATopicsPartitions() {
        assertThat(
                        TopicBootstrap.partitions(
                                        fromProperties(
                                                Map.of(
                                                        "dreamloop.kafka.partitions.score-requested",
                                                        "12")))
                                .partitions(Topics.SCORE_REQUESTED))
                .isEqualTo(12);
        final KafkaConfig env =
                build(
                        new EnvConfigSource(
                                Map.of("DREAMLOOP_KAFKA_PARTITIONS_LIBRARY_DESIGNED", "5"), 300));
        assertThat(TopicBootstrap.partitions(env).partitions(Topics.LIBRARY_DESIGNED)).isEqualTo(5);
    }

    @Test
    void anUnknownTopicFailsNamingTheSetting() {
        final KafkaConfig config =
                fromProperties(Map.of("dreamloop.kafka.partitions.scores-requested", "4"));
        assertThatThrownBy(() -> TopicBootstrap.partitions(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "dreamloop.kafka.partitions.scores-requested=4: no topic 'scores-requested'")
                .hasMessageContaining("score-requested");
    }

    @Test
    void aCountBelowOneFailsNamingTheSetting() {
        final KafkaConfig config =
                fromProperties(Map.of("dreamloop.kafka.partitions.score-requested", "0"));
        assertThatThrownBy(() -> TopicBootstrap.partitions(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "dreamloop.kafka.partitions.score-requested=0: partitions of score-requested"
                                + " must be a positive integer, but was 0");
    }

    @Test
    void aCountThatIsNoNumberFailsAsTheConfigurationIsRead() {
        assertThatThrownBy(
                        () ->
                                fromProperties(
                                        Map.of(
                                                "dreamloop.kafka.partitions.score-requested",
                                                "many")))
                .hasMessageContaining("dreamloop.kafka.partitions.score-requested");
    }

    private static KafkaConfig fromProperties(final Map<String, String> properties) {
        return build(new PropertiesConfigSource(properties, "test", 300));
    }

    private static KafkaConfig build(final io.smallrye.config.common.AbstractConfigSource source) {
        final SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .withMapping(KafkaConfig.class)
                        .withSources(source)
                        .build();
        return config.getConfigMapping(KafkaConfig.class);
    }
}
