/**
 * Benchmarks: {@code ./dreamloop bench scoring} prints scoring throughput per batch size. Numbers
 * are printed, never asserted; every input is generated from a seed.
 */
package io.dreamloop.bench;
