/**
 * Trace ids that follow one piece of work across services.
 *
 * <p>An HTTP request takes its id from a W3C {@code traceparent} or an {@code X-Trace-Id} header,
 * or gets a new one ({@link io.dreamloop.platform.trace.TraceFilter}), and answers with it in
 * {@code X-Trace-Id}. A consumed event continues the trace in its header ({@link
 * io.dreamloop.platform.trace.TraceContext#continueFrom}). While the work runs, the id is the
 * thread's {@link io.dreamloop.platform.trace.TraceContext}: the event publisher writes it into the
 * header of every event it sends, and every log line shows it (MDC key {@code traceId}). Work
 * handed to another thread takes it along with {@link
 * io.dreamloop.platform.trace.TraceContext#wrap}.
 */
package io.dreamloop.platform.trace;
