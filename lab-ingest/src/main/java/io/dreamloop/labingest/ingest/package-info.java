/**
 * Reading sort-seq runs as labs deliver them: a gate table (one row per sorting bin) and a count
 * table (CSV or TSV, plain or gzip-compressed) with one row per library member, its unsorted reads
 * and a column per bin. Every problem is reported with its row and column (one cap on how many are
 * listed, {@link io.dreamloop.labingest.ingest.CountTableException}), and a table with any problem
 * is rejected whole, so nothing is partially applied. Gates are checked as estimation will use them
 * ({@code estimation.SortGates}) before a run is stored.
 *
 * <p>Owns: parsing of gate and count tables; {@link io.dreamloop.labingest.ingest.GateTableReader}
 * is the one gate table reader, for uploads and for MAUDE's bin table alike. May import {@code
 * estimation} (the gates it checks against); must not import {@code persistence}, {@code service},
 * {@code messaging}, {@code rest}, {@code insilico}, Quarkus or Jakarta.
 */
package io.dreamloop.labingest.ingest;
