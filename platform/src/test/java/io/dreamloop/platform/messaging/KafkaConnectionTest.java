package io.dreamloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.topic.Topics;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void keepsTheConnectionAndSecuritySettingsOnly() {
        final Map<String, Object> broker = new HashMap<>();
        broker.put("bootstrap.servers", "broker:9093");
        broker.put("security.protocol", "SASL_SSL");
        broker.put("sasl.mechanism", "SCRAM-SHA-512");
        broker.put("sasl.jaas.config", "org.apache.kafka...ScramLoginModule required;");
        broker.put("ssl.truststore.location", "/etc/kafka/truststore.p12");
        broker.put("ssl.truststore.password", "");
        broker.put("group.id", "dreamloop-designer");
        broker.put("auto.offset.reset", "earliest");
        assertThat(KafkaConnection.connectionSettings(broker))
                .containsOnlyKeys(
                        "bootstrap.servers",
                        "security.protocol",
                        "sasl.mechanism",
                        "sasl.jaas.config",
                        "ssl.truststore.location")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void noBootstrapIsNamed() {
        assertThatThrownBy(() -> KafkaConnection.connectionSettings(Map.of("group.id", "g")))
                .hasMessage("no kafka.bootstrap.servers configured (DREAMLOOP_KAFKA_BOOTSTRAP)");
    }

    /**
     * The settings reach the real clients: SASL without a JAAS configuration is refused by the
     * Kafka client itself when the admin is built, before any connection. (The predictor client's
     * own check is in its module, predictor/client.)
     */
    @Test
    void theTopicBootstrapUsesTheSecuritySettings() {
        final Map<String, Object> sasl =
                KafkaConnection.connectionSettings(
                        Map.of(
                                "bootstrap.servers", "127.0.0.1:1",
                                "security.protocol", "SASL_PLAINTEXT",
                                "sasl.mechanism", "PLAIN"));
        assertThatThrownBy(() -> TopicBootstrap.ensureTopics(sasl, Topics.CATALOG))
                .hasMessageContaining("cannot create topics on 127.0.0.1:1")
                .rootCause()
                .hasMessageContaining("JAAS");
    }
}
