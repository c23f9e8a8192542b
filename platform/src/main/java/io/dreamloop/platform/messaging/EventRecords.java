package io.dreamloop.platform.messaging;

import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.platform.trace.TracedEvents;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns an event bound for a topic into the record a producer sends: stamped with the current
 * trace, checked against the event type the topic carries, keyed by {@link Event#key()}, on the
 * partition it asked for or its key's. Both publishers ({@link EventPublisher}, {@link
 * TransactionalPublisher}) build their records here.
 */
final class EventRecords {
    private static final EventCodec CODEC = EventCodec.instance();

    private EventRecords() {}

    /**
     * The record for one event.
     *
     * @throws IllegalArgumentException when the topic carries another event type
     */
    static ProducerRecord<String, byte[]> of(final String topic, final Outgoing outgoing) {
        final Event event = TracedEvents.stamp(outgoing.event());
        Topics.find(topic)
                .filter(spec -> spec.eventType().javaType() != event.getClass())
                .ifPresent(
                        spec -> {
                            throw new IllegalArgumentException(
                                    "topic %s carries %s events, not %s"
                                            .formatted(
                                                    topic,
                                                    spec.eventType().name(),
                                                    event.header().type()));
                        });
        // An empty partition is null to Kafka: the partitioner picks the key's.
        final Integer partition =
                outgoing.partition().isPresent() ? outgoing.partition().getAsInt() : null;
        return new ProducerRecord<>(topic, partition, event.key(), CODEC.encode(event));
    }
}
