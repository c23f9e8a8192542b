/**
 * The events of the design → build → test → learn loop, as immutable records that validate in their
 * constructors.
 *
 * <p>Every event carries an {@link io.dreamloop.contracts.event.EventHeader}: a unique id
 * (consumers are idempotent on it), the event type and schema version, a timestamp, and the {@link
 * io.dreamloop.contracts.event.Lineage} ids that tie it to its campaign, cycle, library, run and
 * model version. Bulk events (libraries, count tables, measurements, score batches) travel in
 * {@link io.dreamloop.contracts.event.Chunk}s so that each message stays under Kafka's message
 * limit; every chunk is a complete event that a consumer can apply on its own.
 *
 * <p>Imports only {@code contracts.sequence}, {@code contracts.vocabulary} and Jackson's
 * annotations: schema generation ({@code contracts.schema}) and the wire codec ({@code
 * contracts.wire}) read the events, the events know nothing of them.
 */
package io.dreamloop.contracts.event;
