package io.dreamloop.platform.messaging;

import io.dreamloop.platform.config.PlatformConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What every producer of the platform shares ({@link EventPublisher}, {@link
 * TransactionalPublisher}): the service's connection, a client id naming the service and the
 * producer's role, lz4 batches, and a delivery timeout that covers the send timeout. Each adds its
 * own acknowledgement and transaction settings.
 */
final class ProducerSettings {
    /** The least delivery timeout: it must cover linger plus the request timeout (15 s). */
    private static final int MIN_DELIVERY_TIMEOUT_MS = 20_000;

    private ProducerSettings() {}

    /**
     * The shared settings, mutable for the caller's own.
     *
     * @param role what the producer does, in its client id ({@code dreamloop-<service>-<role>})
     */
    static Map<String, Object> common(
            final KafkaConnection connection, final PlatformConfig config, final String role) {
        final Map<String, Object> settings = new HashMap<>(connection.settings());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "dreamloop-" + config.service() + "-" + role);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int)
                        Math.max(
                                MIN_DELIVERY_TIMEOUT_MS,
                                config.messaging().sendTimeout().toMillis()));
        return settings;
    }
}
