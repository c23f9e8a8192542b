package io.dreamloop.contracts.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event carries.
 *
 * @param eventId unique per event; a consumer applies an event id at most once
 * @param type the event type, e.g. {@code library-designed}
 * @param schemaVersion the major version of the event's schema
 * @param occurredAt when the producer created the event
 * @param lineage the ids that tie the event into campaign, cycle, library, run and model lineage
 * @param traceId optional id that follows one piece of work across services
 */
public record EventHeader(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        Lineage lineage,
        @OptionalField String traceId) {

    public EventHeader {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(lineage, "lineage");
        if (type.isBlank()) {
            throw new IllegalArgumentException("event type must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException(
                    "schemaVersion must be >= 1, but was %d".formatted(schemaVersion));
        }
    }

    /** This header carrying a trace id (null for none); everything else stays. */
    public EventHeader withTraceId(final String traceId) {
        return new EventHeader(eventId, type, schemaVersion, occurredAt, lineage, traceId);
    }

    /** A new header with a random id and the current time. */
    public static EventHeader create(
            final String type, final int schemaVersion, final Lineage lineage) {
        return new EventHeader(
                UUID.randomUUID(), type, schemaVersion, Instant.now(), lineage, null);
    }

    /**
     * A header whose id is derived from a name, so that re-producing the same logical event (a
     * retry after a crash) yields the same id and consumers drop the duplicate.
     */
    public static EventHeader deterministic(
            final String type, final int schemaVersion, final Lineage lineage, final String name) {
        final UUID id =
                UUID.nameUUIDFromBytes((type + '/' + name).getBytes(StandardCharsets.UTF_8));
        return new EventHeader(id, type, schemaVersion, Instant.now(), lineage, null);
    }
}
