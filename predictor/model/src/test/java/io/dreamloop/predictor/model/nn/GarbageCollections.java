package io.dreamloop.predictor.model.nn;

/**
 * Full garbage collections, and time for the cleaner thread to free the direct buffers they found:
 * what it takes for DJL's number arithmetic to read freed memory in a backward pass ({@link
 * Scalars}).
 */
public final class GarbageCollections {
    private GarbageCollections() {}

    /** Three collections, 20 ms apart. */
    public static void collectAndClean() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
