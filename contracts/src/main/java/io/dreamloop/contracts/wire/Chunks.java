package io.dreamloop.contracts.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Splits bulk payloads into chunks whose encoded size stays under a byte budget. */
public final class Chunks {

    /**
     * Budget for the payload items of one event: leaves room for the rest of the event under {@link
     * EventCodec#MAX_EVENT_BYTES}.
     */
    public static final int DEFAULT_PAYLOAD_BUDGET = 512 * 1024;

    private Chunks() {}

    /**
     * Splits items greedily in order, each chunk's summed size at most {@code budgetBytes}.
     *
     * @param items the items, in order
     * @param sizeOf the encoded size of one item in bytes
     * @param budgetBytes the largest summed size of one chunk
     * @return at least one chunk (empty input gives no chunks)
     * @throws OversizeEventException when a single item is larger than the budget
     */
    public static <T> List<List<T>> bySize(
            final List<T> items, final ToIntFunction<T> sizeOf, final int budgetBytes) {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("budgetBytes must be >= 1, but was " + budgetBytes);
        }
        final List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < items.size(); i++) {
            final T item = items.get(i);
            final int itemSize = sizeOf.applyAsInt(item) + 1; // + separator
            if (itemSize > budgetBytes) {
                throw new OversizeEventException(
                        "item %d alone is %,d bytes, over the chunk budget of %,d bytes"
                                .formatted(i, itemSize, budgetBytes));
            }
            if (size + itemSize > budgetBytes && !current.isEmpty()) {
                chunks.add(List.copyOf(current));
                current = new ArrayList<>();
                size = 0;
            }
            current.add(item);
            size += itemSize;
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return List.copyOf(chunks);
    }

    /** Splits by the items' JSON size with the default budget. */
    public static <T> List<List<T>> byJsonSize(final List<T> items) {
        final EventCodec codec = EventCodec.instance();
        return bySize(items, item -> codec.toJsonBytes(item).length, DEFAULT_PAYLOAD_BUDGET);
    }
}
