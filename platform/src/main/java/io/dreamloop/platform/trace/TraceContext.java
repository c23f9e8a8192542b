package io.dreamloop.platform.trace;

import io.dreamloop.contracts.event.EventHeader;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.MDC;

/**
 * The trace id of the work the current thread is doing, mirrored into the logging MDC under {@link
 * #MDC_KEY} so that every log line shows it.
 *
 * <p>A thread-local rather than a request-scoped bean, because the same id must be seen by HTTP
 * requests, Kafka consumers and the trainer's own thread alike; each entry point opens a {@link
 * Scope} and closes it when the work is done, which puts back what was there before.
 */
public final class TraceContext {
    /** The MDC key; the log format prints it with {@code %X{traceId}}. */
    public static final String MDC_KEY = "traceId";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TraceContext() {}

    /** The trace id of the current work, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Makes {@code traceId} the current trace until the scope is closed.
     *
     * @throws NullPointerException when traceId is null
     */
    public static Scope open(final String traceId) {
        Objects.requireNonNull(traceId, "traceId");
        final Scope scope = new Scope(CURRENT.get());
        set(traceId);
        return scope;
    }

    /**
     * Continues the trace of a consumed event: its header's trace id, or one derived from its event
     * id when it came without one.
     */
    public static Scope continueFrom(final EventHeader header) {
        return open(TraceIds.of(header));
    }

    /** A task that runs under the trace that is current now, for work handed to another thread. */
    public static Runnable wrap(final Runnable task) {
        final String traceId = CURRENT.get();
        if (traceId == null) {
            return task;
        }
        return () -> {
            try (Scope ignored = open(traceId)) {
                task.run();
            }
        };
    }

    static void set(final String traceId) {
        if (traceId == null) {
            CURRENT.remove();
            MDC.remove(MDC_KEY);
        } else {
            CURRENT.set(traceId);
            MDC.put(MDC_KEY, traceId);
        }
    }

    /** Ends a trace opened on this thread and puts back the one it replaced. */
    public static final class Scope implements AutoCloseable {
        private final String previous;

        private Scope(final String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            set(previous);
        }
    }
}
