package io.dreamloop.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the platform's own Kafka clients (publisher, topic bootstrap, the predictor client) reach the
 * broker: the bootstrap servers and every {@code security.protocol}, {@code sasl.*} and {@code
 * ssl.*} setting, taken from the {@code default-kafka-broker} configuration that Quarkus builds
 * from all {@code kafka.*} properties and {@code KAFKA_*} environment variables. The SmallRye
 * channels and the Kafka health check use that same configuration, so one set of variables (e.g.
 * {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}) secures every client of a service.
 */
@ApplicationScoped
public class KafkaConnection {
    private final Map<String, Object> settings;

    @Inject
    public KafkaConnection(@Identifier("default-kafka-broker") final Map<String, Object> broker) {
        this.settings = connectionSettings(broker);
    }

    /** The connection settings, to be copied into a client's configuration. */
    public Map<String, Object> settings() {
        return settings;
    }

    /** The bootstrap servers. */
    public String bootstrap() {
        return String.valueOf(settings.get("bootstrap.servers"));
    }

    /**
     * The connection entries of a Kafka client configuration; empty values (unset variables) are
     * left out so they do not override the clients' defaults.
     *
     * @throws IllegalArgumentException when there are no bootstrap servers
     */
    static Map<String, Object> connectionSettings(final Map<String, Object> broker) {
        final Map<String, Object> out = new TreeMap<>();
        broker.forEach(
                (key, value) -> {
                    final boolean connection =
                            key.equals("bootstrap.servers")
                                    || key.equals("security.protocol")
                                    || key.startsWith("sasl.")
                                    || key.startsWith("ssl.");
                    if (connection && value != null && !String.valueOf(value).isBlank()) {
                        out.put(key, value);
                    }
                });
        if (!out.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException(
                    "no kafka.bootstrap.servers configured (DREAMLOOP_KAFKA_BOOTSTRAP)");
        }
        return Map.copyOf(out);
    }
}
