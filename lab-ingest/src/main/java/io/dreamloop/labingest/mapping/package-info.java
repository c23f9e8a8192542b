/**
 * How lab-ingest's read models are written for clients outside JSON: the measurements TSV ({@link
 * io.dreamloop.labingest.mapping.MeasurementTsv}). The REST layer picks the format and this package
 * writes it, so no resource formats files inline.
 *
 * <p>Owns: file formats of lab-ingest's answers. May import {@code persistence} read models; must
 * not import {@code rest}, {@code service}, {@code messaging}, Quarkus or Jakarta.
 */
package io.dreamloop.labingest.mapping;
