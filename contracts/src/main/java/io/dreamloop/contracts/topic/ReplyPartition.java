package io.dreamloop.contracts.topic;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The partition of {@link Topics#SCORES_COMPUTED} a score request asks its answers to be written
 * to, carried in the Kafka record header {@link #HEADER} of the score-requested record as the
 * decimal partition number. A request without the header is answered on its key's partition, as
 * before the header existed, and a requester that reads every partition still sees every answer.
 *
 * @param partition the partition, 0 or more
 */
public record ReplyPartition(int partition) {
    /** The Kafka record header on score-requested records; its value is the partition number. */
    public static final String HEADER = "dreamloop-reply-partition";

    public ReplyPartition {
        if (partition < 0) {
            throw new IllegalArgumentException(
                    "reply partition must be >= 0, but was %d".formatted(partition));
        }
    }

    /** The header value: the partition number as UTF-8 text. */
    public byte[] headerValue() {
        return Integer.toString(partition).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a header value; empty when the record had no header.
     *
     * @param value the header's bytes, or null when the header is absent
     * @throws IllegalArgumentException when the value is not a partition number
     */
    public static Optional<ReplyPartition> parse(final byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        final String text = new String(value, StandardCharsets.UTF_8);
        try {
            return Optional.of(new ReplyPartition(Integer.parseInt(text.strip())));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(
                    "header %s is '%s', not a partition number".formatted(HEADER, text), e);
        }
    }

    /**
     * Checks the partition exists.
     *
     * @param partitions the partition count of scores-computed
     * @throws IllegalArgumentException when it does not
     */
    public ReplyPartition requireWithin(final int partitions) {
        if (partition >= partitions) {
            throw new IllegalArgumentException(
                    "reply partition %d is not a partition of %s, which has %d"
                            .formatted(partition, Topics.SCORES_COMPUTED, partitions));
        }
        return this;
    }
}
