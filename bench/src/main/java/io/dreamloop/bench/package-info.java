/**
 * Benchmarks: {@code ./dreamloop bench scoring} prints scoring throughput per batch size, and
 * {@code ./dreamloop bench architectures} the inference throughput of DREAM-CNN, DREAM-RNN and
 * DREAM-Attn per size and batch size. Numbers are printed, never asserted; every input is generated
 * from a seed.
 */
package io.dreamloop.bench;
