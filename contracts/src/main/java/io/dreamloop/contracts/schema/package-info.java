/**
 * JSON Schemas (draft 2020-12) generated from the event records, and the compatibility check that
 * keeps a schema version readable by old and new consumers alike.
 *
 * <p>The records are the single source: {@link io.dreamloop.contracts.schema.JsonSchemas} derives
 * each event's schema from its components ({@link io.dreamloop.contracts.event.OptionalField} marks
 * the optional ones); the build keeps the published files in {@code /schemas} equal to the
 * generated ones and {@link io.dreamloop.contracts.schema.SchemaCompatibility} checks them against
 * every released snapshot.
 *
 * <p>Depends on {@code contracts.event} (the records it describes), never the other way round: the
 * events mark their optional fields with {@code event.OptionalField}, which lives with them.
 */
package io.dreamloop.contracts.schema;
