package io.dreamloop.platform.trace;

import io.dreamloop.contracts.event.EventHeader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes and reads trace ids. A minted id has the W3C trace-context form (32 lowercase hex digits,
 * not all zero), so it can be handed to tools that speak {@code traceparent}; an id a caller sends
 * in {@code X-Trace-Id} is taken as it is when it is short and plain (it ends up in every log line,
 * so anything else is replaced by a new id rather than logged).
 */
public final class TraceIds {
    private static final Pattern TRACEPARENT =
            Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final Pattern PLAIN = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final String ZERO_TRACE = "0".repeat(32);

    private TraceIds() {}

    /** A new random id: 32 hex digits. */
    public static String mint() {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        String id;
        do {
            id = hex(random.nextLong()) + hex(random.nextLong());
        } while (id.equals(ZERO_TRACE));
        return id;
    }

    /**
     * The trace id of a W3C {@code traceparent} header ({@code 00-<trace-id>-<parent-id>-<flags>}),
     * empty when the header is absent or not valid (version ff, an all-zero trace id).
     */
    public static Optional<String> fromTraceparent(final String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        final Matcher m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches() || m.group(1).equals("ff") || m.group(2).equals(ZERO_TRACE)) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }

    /** The id of an {@code X-Trace-Id} header when it is 1-64 of {@code A-Z a-z 0-9 . _ -}. */
    public static Optional<String> fromHeader(final String value) {
        return value != null && PLAIN.matcher(value.trim()).matches()
                ? Optional.of(value.trim())
                : Optional.empty();
    }

    /**
     * The id of an HTTP request: its {@code traceparent}, else its {@code X-Trace-Id}, else new.
     */
    public static String forRequest(final String traceparent, final String xTraceId) {
        return fromTraceparent(traceparent)
                .or(() -> fromHeader(xTraceId))
                .orElseGet(TraceIds::mint);
    }

    /**
     * The trace an event belongs to: its header's trace id, else {@link #ofEvent its event id's}.
     */
    public static String of(final EventHeader header) {
        return header.traceId() != null && !header.traceId().isBlank()
                ? header.traceId()
                : ofEvent(header.eventId());
    }

    /**
     * The id of an event that arrived without one: its event id's hex digits, so every consumer of
     * the event (and every redelivery) continues the same trace.
     */
    public static String ofEvent(final UUID eventId) {
        return hex(eventId.getMostSignificantBits()) + hex(eventId.getLeastSignificantBits());
    }

    /** An id derived from a name, the same every time (e.g. one per campaign cycle). */
    public static String derived(final String name) {
        return ofEvent(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(final long bits) {
        return HexFormat.of().toHexDigits(bits);
    }
}
