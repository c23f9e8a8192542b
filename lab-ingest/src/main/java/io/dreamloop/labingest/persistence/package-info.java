/**
 * lab-ingest's tables: libraries, the chunks received and their members, sort-seq runs and their
 * measurements.
 *
 * <p>Owns: entities, stores and the read models built from them ({@code StoredMeasurement}). Must
 * not import {@code service}, {@code messaging}, {@code rest}, {@code mapping} or {@code insilico}:
 * it stores what the use cases decide.
 */
package io.dreamloop.labingest.persistence;
