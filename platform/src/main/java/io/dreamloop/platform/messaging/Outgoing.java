package io.dreamloop.platform.messaging;

import io.dreamloop.contracts.event.Event;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An event to publish and the partition it goes to: its key's, or one the consumer of the topic
 * asked for (a requester that reads only its own reply partition).
 *
 * @param event the event
 * @param partition the partition, or empty for the key's
 */
public record Outgoing(Event event, OptionalInt partition) {
    public Outgoing {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(partition, "partition");
        if (partition.isPresent() && partition.getAsInt() < 0) {
            throw new IllegalArgumentException(
                    "partition must be >= 0, but was %d".formatted(partition.getAsInt()));
        }
    }

    /** An event for its key's partition. */
    public static Outgoing byKey(final Event event) {
        return new Outgoing(event, OptionalInt.empty());
    }

    /** An event for the given partition. */
    public static Outgoing toPartition(final Event event, final int partition) {
        return new Outgoing(event, OptionalInt.of(partition));
    }
}
