package io.dreamloop.contracts.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.schema.RequiredFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Encodes events to UTF-8 JSON and decodes them back, with messages that say what is wrong.
 *
 * <p>Readers ignore unknown fields, so a newer producer may add optional fields without breaking
 * older consumers (the schema compatibility test guards the other direction). Encoding refuses
 * events larger than {@link #MAX_EVENT_BYTES}: bulk payloads must be split with {@link Chunks}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EventCodec {

    /**
     * Largest encoded event, under Kafka's default 1 MiB message limit with room for headers and
     * batch overhead.
     */
    public static final int MAX_EVENT_BYTES = 900 * 1024;

    private static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper mapper;

    private EventCodec() {
        this.mapper =
                new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public static EventCodec instance() {
        return INSTANCE;
    }

    /**
     * @throws OversizeEventException when the encoding is larger than {@link #MAX_EVENT_BYTES}
     */
    public byte[] encode(final Event event) {
        final byte[] bytes = toJsonBytes(event);
        if (bytes.length > MAX_EVENT_BYTES) {
            throw new OversizeEventException(
                    "%s event of %,d bytes exceeds the %,d-byte limit; split its payload with Chunks"
                            .formatted(event.header().type(), bytes.length, MAX_EVENT_BYTES));
        }
        return bytes;
    }

    public String encodeToString(final Event event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    /** JSON bytes of any value (an event, or one item of a payload, for chunk sizing). */
    public byte[] toJsonBytes(final Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a message as the expected event type.
     *
     * @throws MalformedEventException when the payload is not JSON, is another event type or
     *     version, or violates the event's rules; the message names the field and the problem
     */
    public <E extends Event> E decode(final byte[] payload, final Class<E> type) {
        if (payload == null || payload.length == 0) {
            throw new MalformedEventException("empty payload; expected a " + typeName(type));
        }
        final JsonNode tree;
        try {
            tree = mapper.readTree(payload);
        } catch (final IOException e) {
            throw new MalformedEventException(
                    "payload is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        checkHeader(tree, type);
        RequiredFields.firstMissing(tree, type)
                .ifPresent(
                        path -> {
                            throw new MalformedEventException(
                                    "invalid %s: required field '%s' is missing"
                                            .formatted(typeName(type), path));
                        });
        try {
            return mapper.treeToValue(tree, type);
        } catch (final JsonMappingException e) {
            throw new MalformedEventException(describe(e, type), e);
        } catch (final JsonProcessingException e) {
            throw new MalformedEventException(
                    "cannot read %s: %s".formatted(typeName(type), firstLine(e.getMessage())), e);
        }
    }

    public <E extends Event> E decode(final String payload, final Class<E> type) {
        return decode(payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), type);
    }

    /** The shared mapper, configured for the wire format; do not reconfigure it. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private static void checkHeader(final JsonNode tree, final Class<? extends Event> type) {
        final EventTypes.Type expected = EventTypes.of(type);
        final JsonNode header = tree.get("header");
        if (header == null || !header.isObject()) {
            throw new MalformedEventException(
                    "missing 'header' object; expected a %s event".formatted(expected.name()));
        }
        final String actual = header.path("type").asText(null);
        if (!expected.name().equals(actual)) {
            throw new MalformedEventException(
                    "header.type is '%s' but this topic carries '%s'"
                            .formatted(actual, expected.name()));
        }
        final int version = header.path("schemaVersion").asInt(-1);
        if (version != expected.schemaVersion()) {
            throw new MalformedEventException(
                    "header.schemaVersion %d of '%s' is not readable here (expected %d)"
                            .formatted(version, expected.name(), expected.schemaVersion()));
        }
    }

    private static String describe(final JsonMappingException e, final Class<?> type) {
        final String path =
                e.getPath().stream()
                        .map(
                                ref ->
                                        ref.getFieldName() != null
                                                ? "." + ref.getFieldName()
                                                : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining())
                        .replaceFirst("^\\.", "");
        final Throwable root =
                e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : e;
        final String why =
                root == e ? firstLine(e.getOriginalMessage()) : firstLine(root.getMessage());
        return "invalid %s at '%s': %s".formatted(typeName(type), path.isEmpty() ? "$" : path, why);
    }

    private static String typeName(final Class<?> type) {
        return EventTypes.of(type).name();
    }

    private static String firstLine(final String message) {
        if (message == null) {
            return "(no detail)";
        }
        final int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
