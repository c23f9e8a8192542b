package io.dreamloop.contracts.topic;

import io.dreamloop.contracts.event.EventTypes;
import java.util.List;
import java.util.Objects;

/**
 * One topic of the loop.
 *
 * @param name the topic name
 * @param eventType the one event type it carries
 * @param partitions partitions to create (events with the same key stay in order)
 * @param keyedBy which field of the event is the record key
 * @param producers services (or outside actors) that write it
 * @param consumers services (or outside actors) that read it
 */
public record TopicSpec(
        String name,
        EventTypes.Type eventType,
        int partitions,
        String keyedBy,
        List<String> producers,
        List<String> consumers) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventType, "eventType");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
    }

    /** This topic with another partition count. */
    public TopicSpec withPartitions(final int count) {
        return new TopicSpec(name, eventType, count, keyedBy, producers, consumers);
    }
}
