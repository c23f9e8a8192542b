package io.dreamloop.contracts.event;

/**
 * Position of one message among the messages that carry one bulk payload.
 *
 * @param index 0-based index of this chunk
 * @param count number of chunks in the payload
 */
public record Chunk(int index, int count) {

    public static final Chunk SINGLE = new Chunk(0, 1);

    public Chunk {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException(
                    "chunk index must be in [0, count) with count >= 1, but was %d of %d"
                            .formatted(index, count));
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isLast() {
        return index == count - 1;
    }
}
