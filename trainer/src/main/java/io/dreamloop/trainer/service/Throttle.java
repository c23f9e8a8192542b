package io.dreamloop.trainer.service;

import java.util.function.LongSupplier;

/**
 * Lets an event through at most once per interval, and an urgent one always: a run's progress is
 * written to its row every few seconds, and at every epoch's end. Not thread-safe: one per run.
 */
final class Throttle {
    private final long intervalNanos;
    private final LongSupplier clock;
    private long last;
    private boolean started;

    Throttle(final long intervalNanos) {
        this(intervalNanos, System::nanoTime);
    }

    /** With the clock given, in nanoseconds. */
    Throttle(final long intervalNanos, final LongSupplier clock) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /** True when the event should pass now: urgent, the first, or an interval after the last. */
    boolean pass(final boolean urgent) {
        final long now = clock.getAsLong();
        if (!urgent && started && now - last < intervalNanos) {
            return false;
        }
        started = true;
        last = now;
        return true;
    }
}
