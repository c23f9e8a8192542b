/**
 * Reading sort-seq runs as labs deliver them: a count table (CSV or TSV) with one row per library
 * member and a column per sorting bin. Every problem is reported with its row and column, and a
 * table with any problem is rejected whole, so nothing is partially applied.
 */
package io.dreamloop.labingest.ingest;
