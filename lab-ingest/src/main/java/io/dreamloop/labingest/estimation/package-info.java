/**
 * Expression estimation from sort-seq read counts, in plain deterministic Java.
 *
 * <p>{@link io.dreamloop.labingest.estimation.SortGates} describes the sorting bins as quantiles of
 * the population's expression (and their standard-normal z bounds). {@link
 * io.dreamloop.labingest.estimation.MaudeEstimator} fits MAUDE's per-sequence mean (de Boer, Ray et
 * al. 2020, {@code R/MAUDE.R}); {@link io.dreamloop.labingest.estimation.BinWeightedMean} is the
 * DREAM training-library estimate. The generative model MAUDE inverts, used to test the estimators
 * and to run the in-silico lab, is the {@code insilico} package's. The small numerics ({@link
 * io.dreamloop.contracts.stats.Normal} (from contracts), {@link
 * io.dreamloop.labingest.estimation.LogGamma}, {@link
 * io.dreamloop.labingest.estimation.BoundedMaximizer}) are written here on purpose, so that the
 * service carries no numerics library for a handful of functions.
 *
 * <p>Owns: the estimators, the gates they read and the count matrix they read from. Must not import
 * the {@code insilico}, {@code ingest}, {@code persistence}, {@code service}, {@code messaging} or
 * {@code rest} packages, nor Quarkus or Jakarta: estimation is a library the service, the in-silico
 * lab and the bench all call.
 */
package io.dreamloop.labingest.estimation;
