/**
 * lab-ingest's event consumers: each decodes a record once (through {@code
 * platform.messaging.InboundEvents}) and hands it to one store or service call.
 *
 * <p>Owns: channel names and the consumer edge. Must not import {@code rest}, {@code ingest},
 * {@code estimation} or {@code insilico}: estimation and the in-silico lab are reached through
 * {@code service}, and a consumer holds no loop over business data.
 */
package io.dreamloop.labingest.messaging;
