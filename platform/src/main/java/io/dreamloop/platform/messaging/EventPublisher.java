package io.dreamloop.platform.messaging;

import io.dreamloop.contracts.event.Event;
import io.dreamloop.platform.config.PlatformConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events and waits for the broker's acknowledgement, so a caller that returns has its
 * events durably on the topic (acks=all, idempotent producer). An event without a trace id gets the
 * current one ({@link io.dreamloop.platform.trace.TraceContext}). It reaches the broker as every
 * client of the service does ({@link KafkaConnection}: SASL/TLS included).
 */
@Startup
@ApplicationScoped
public class EventPublisher {
    private final KafkaProducer<String, byte[]> producer;
    private final PlatformConfig config;
    private final EventMetrics metrics;

    @Inject
    public EventPublisher(
            final KafkaConnection connection,
            final PlatformConfig config,
            final EventMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        final Map<String, Object> settings =
                ProducerSettings.common(connection, config, "publisher");
        settings.putAll(
                Map.of(
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        15_000));
        this.producer =
                new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends one event to a topic, keyed by {@link Event#key()}, and waits for the acknowledgement.
     *
     * @throws IllegalArgumentException when the topic carries another event type
     * @throws IllegalStateException when the broker does not acknowledge in time
     */
    public RecordMetadata publish(final String topic, final Event event) {
        final RecordMetadata acknowledged = await(send(topic, event));
        metrics.published(topic);
        return acknowledged;
    }

    /** Sends events in order and waits for all acknowledgements. */
    public void publishAll(final String topic, final List<? extends Event> events) {
        publishRouted(topic, events.stream().map(Outgoing::byKey).toList());
    }

    /**
     * Sends events in order, each to its own partition or its key's, and waits for all
     * acknowledgements.
     */
    public void publishRouted(final String topic, final List<Outgoing> events) {
        final List<Future<RecordMetadata>> sent =
                events.stream().map(outgoing -> send(topic, outgoing)).toList();
        sent.forEach(
                future -> {
                    await(future);
                    metrics.published(topic);
                });
    }

    /** The partition count of a topic, as the producer's metadata knows it. */
    public int partitions(final String topic) {
        return producer.partitionsFor(topic).size();
    }

    private Future<RecordMetadata> send(final String topic, final Event untraced) {
        return send(topic, Outgoing.byKey(untraced));
    }

    private Future<RecordMetadata> send(final String topic, final Outgoing outgoing) {
        return producer.send(EventRecords.of(topic, outgoing));
    }

    private RecordMetadata await(final Future<RecordMetadata> future) {
        try {
            return future.get(config.messaging().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge: " + e.getMessage(), e);
        }
    }

    void close(@Observes final ShutdownEvent event) {
        producer.close(Duration.ofSeconds(10));
    }
}
