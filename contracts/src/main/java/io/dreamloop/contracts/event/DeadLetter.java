package io.dreamloop.contracts.event;

import java.util.Objects;

/**
 * A message a consumer could not apply, with the reason; nothing is dropped silently.
 *
 * @param header the event header
 * @param service the consumer that gave up on the message
 * @param sourceTopic the topic the message came from
 * @param partition its partition
 * @param offset its offset
 * @param sourceKey its key, if any
 * @param reason why it was rejected, naming what is wrong
 * @param payload the original payload as text, cut to {@value #MAX_PAYLOAD_CHARS} characters
 * @param payloadTruncated true when the payload was cut
 */
public record DeadLetter(
        EventHeader header,
        String service,
        String sourceTopic,
        int partition,
        long offset,
        @OptionalField String sourceKey,
        String reason,
        String payload,
        boolean payloadTruncated)
        implements Event {

    /** Payload kept in a dead letter; the broker still holds the full original at its offset. */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    public DeadLetter {
        EventTypes.check(header, DeadLetter.class);
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(payload, "payload");
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException(
                    "payload of %d characters exceeds %d; use DeadLetter.of to cut it"
                            .formatted(payload.length(), MAX_PAYLOAD_CHARS));
        }
    }

    /** A dead letter for a rejected message; long payloads are cut. */
    public static DeadLetter of(
            final String service,
            final String sourceTopic,
            final int partition,
            final long offset,
            final String sourceKey,
            final String reason,
            final String payload) {
        final String text = payload == null ? "" : payload;
        final boolean cut = text.length() > MAX_PAYLOAD_CHARS;
        return new DeadLetter(
                EventTypes.header(DeadLetter.class, Lineage.NONE),
                service,
                sourceTopic,
                partition,
                offset,
                sourceKey,
                reason,
                cut ? text.substring(0, MAX_PAYLOAD_CHARS) : text,
                cut);
    }

    @Override
    public String key() {
        return sourceTopic;
    }
}
