/**
 * Distributions shared by services, one owner each: the standard normal ({@link
 * io.dreamloop.contracts.stats.Normal}) that MAUDE's bin model (lab-ingest) and the DREAM models'
 * soft-bin targets (predictor-model) both integrate. Pure functions; no I/O, no framework types.
 */
package io.dreamloop.contracts.stats;
