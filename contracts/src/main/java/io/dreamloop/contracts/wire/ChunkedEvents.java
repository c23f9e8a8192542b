package io.dreamloop.contracts.wire;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.EventHeader;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bulk payloads as events: split by {@link Chunks#byJsonSize}, one deterministic header per chunk,
 * one event per chunk. Every service that publishes a bulk payload goes through here, so chunk
 * numbering and event ids are made one way.
 *
 * <p>Chunk {@code i} of {@code n} gets the header name {@code <name>/<i>/<n>}: publishing the same
 * payload again yields the same event ids, which consumers drop as duplicates.
 *
 * {@snippet :
 * List<MeasurementsRecorded> events =
 *         ChunkedEvents.of(
 *                 measurements,
 *                 EventTypes.MEASUREMENTS_RECORDED,
 *                 lineage,
 *                 runId + "/" + method,
 *                 (header, chunk, items) -> new MeasurementsRecorded(header, ..., chunk, items));
 * }
 */
public final class ChunkedEvents {

    /**
     * Builds the event that carries one chunk.
     *
     * @param <T> the payload item
     * @param <E> the event
     */
    @FunctionalInterface
    public interface Builder<T, E extends Event> {
        /**
         * @param header the chunk's header, its id derived from the name and the chunk
         * @param chunk the chunk's index and the chunk count
         * @param items the chunk's items, in order
         * @return the event
         */
        E event(EventHeader header, Chunk chunk, List<T> items);
    }

    private ChunkedEvents() {}

    /**
     * The events of a bulk payload, in chunk order.
     *
     * @param items the payload, in order
     * @param type the events' type
     * @param lineage the lineage every event carries
     * @param name what identifies the payload; chunk i of n is named {@code name/i/n}
     * @param builder builds one chunk's event
     * @return one event per chunk; none for an empty payload
     * @throws OversizeEventException when a single item is over the chunk budget
     */
    public static <T, E extends Event> List<E> of(
            final List<T> items,
            final EventTypes.Type type,
            final Lineage lineage,
            final String name,
            final Builder<T, E> builder) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(name, "name");
        final List<List<T>> parts = Chunks.byJsonSize(items);
        final List<E> events = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            final EventHeader header =
                    EventHeader.deterministic(
                            type.name(),
                            type.schemaVersion(),
                            lineage,
                            name + "/" + i + "/" + parts.size());
            events.add(builder.event(header, new Chunk(i, parts.size()), parts.get(i)));
        }
        return List.copyOf(events);
    }
}
