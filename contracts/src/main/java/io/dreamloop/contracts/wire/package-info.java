/**
 * The wire format: events as UTF-8 JSON that conforms to the versioned schemas in {@code
 * /schemas/<type>/v<N>.schema.json}, size-checked against the broker's message limit, and {@link
 * io.dreamloop.contracts.wire.Chunks} to split bulk payloads, {@link
 * io.dreamloop.contracts.wire.ChunkedEvents} to turn one into events (one header per chunk).
 */
package io.dreamloop.contracts.wire;
