/**
 * Expression estimation from sort-seq read counts, in plain deterministic Java.
 *
 * <p>{@link io.dreamloop.labingest.estimation.SortGates} describes the sorting bins as quantiles of
 * the population's expression (and their standard-normal z bounds). {@link
 * io.dreamloop.labingest.estimation.MaudeEstimator} fits MAUDE's per-sequence mean (de Boer, Ray et
 * al. 2020, {@code R/MAUDE.R}); {@link io.dreamloop.labingest.estimation.BinWeightedMean} is the
 * DREAM training-library estimate; {@link io.dreamloop.labingest.estimation.SortSeqSimulator} is
 * the generative model MAUDE inverts, used to test the estimators and to run the in-silico lab. The
 * small numerics ({@link io.dreamloop.contracts.stats.Normal} (from contracts), {@link
 * io.dreamloop.labingest.estimation.LogGamma}, {@link
 * io.dreamloop.labingest.estimation.BoundedMaximizer}) are written here on purpose, so that the
 * service carries no numerics library for a handful of functions.
 */
package io.dreamloop.labingest.estimation;
