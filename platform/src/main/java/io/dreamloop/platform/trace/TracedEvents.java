package io.dreamloop.platform.trace;

import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.EventHeader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** Writes trace ids into event headers. */
public final class TracedEvents {
    private TracedEvents() {}

    /**
     * The event with the current trace id in its header; unchanged when it already carries one (a
     * producer that sets it on purpose, e.g. a new campaign cycle, wins) or when no trace is
     * current.
     */
    public static <E extends Event> E stamp(final E event) {
        if (event.header().traceId() != null) {
            return event;
        }
        return TraceContext.current().map(id -> withTraceId(event, id)).orElse(event);
    }

    /**
     * A copy of the event whose header carries {@code traceId}. Events are records whose header is
     * one component; the copy goes through the canonical constructor, so it is validated as the
     * original was.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Event> E withTraceId(final E event, final String traceId) {
        final RecordComponent[] components = event.getClass().getRecordComponents();
        final Class<?>[] types = new Class<?>[components.length];
        final Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] =
                        types[i] == EventHeader.class
                                ? event.header().withTraceId(traceId)
                                : components[i].getAccessor().invoke(event);
            }
            final Constructor<?> canonical = event.getClass().getDeclaredConstructor(types);
            return (E) canonical.newInstance(values);
        } catch (final InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot copy %s with trace id %s: %s"
                            .formatted(event.header().type(), traceId, e.getCause()),
                    e.getCause());
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot copy %s with trace id %s: %s"
                            .formatted(event.header().type(), traceId, e),
                    e);
        }
    }
}
