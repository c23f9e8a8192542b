package io.dreamloop.platform.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every HTTP request a trace id (its {@code traceparent}, else its {@code X-Trace-Id}, else a
 * new one), current while the resource runs, and answers with it in {@code X-Trace-Id}.
 *
 * <p>Not pre-matching on purpose: Quarkus REST runs the filters of a blocking endpoint on the
 * worker thread that runs the resource, so the thread-local trace is the resource's.
 */
@Provider
public class TraceFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** The response header (and the request header a caller may send). */
    public static final String HEADER = "X-Trace-Id";

    /** The W3C trace-context request header. */
    public static final String TRACEPARENT = "traceparent";

    private static final String PROPERTY = "dreamloop.trace-id";

    @Override
    public void filter(final ContainerRequestContext request) {
        final String traceId =
                TraceIds.forRequest(
                        request.getHeaderString(TRACEPARENT), request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, traceId);
        // Overwrites whatever a pooled thread still held.
        TraceContext.set(traceId);
    }

    @Override
    public void filter(
            final ContainerRequestContext request, final ContainerResponseContext response) {
        final Object traceId = request.getProperty(PROPERTY);
        if (traceId != null) {
            response.getHeaders().putSingle(HEADER, traceId);
        }
        TraceContext.set(null);
    }
}
