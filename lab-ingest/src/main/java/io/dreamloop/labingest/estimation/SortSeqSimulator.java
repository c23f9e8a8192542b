package io.dreamloop.labingest.estimation;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The generative model MAUDE inverts (SPEC §5.2, simulation recipe of the MAUDE vignette).
 *
 * <p>Sequence i gets c_i cells (fixed or Poisson). Each cell's log-expression is N(mean_i, 1) in
 * the gates' z units and the cell goes to the first gate whose z range holds it; cells outside
 * every gate are lost. Reads of sequence i in bin b are NB(size = d·T_b, prob = 1 − c_{i,b}/T_b),
 * T_b the bin's cells and d the reads per cell (the vignette uses d = 10), so E[reads] ≈ d·c_{i,b}.
 * Unsorted reads are drawn the same way from the sequence's share of all cells. When a single
 * sequence holds all of a bin's cells, prob would be 0; its reads are then Poisson(d·c_{i,b}).
 *
 * <p>Stateless: all randomness comes from the generator passed to {@link #simulate}, so the same
 * seed gives the same counts.
 */
public final class SortSeqSimulator {

    /** How cells per sequence are drawn. */
    public enum CellCounts {
        /** Every sequence has exactly the mean number of cells (rounded). */
        FIXED,
        /** Cells per sequence ~ Poisson(mean): uneven abundance, some sequences absent. */
        POISSON
    }

    /**
     * Simulation settings.
     *
     * @param cellsPerSequence mean cells per sequence, {@code > 0}
     * @param cellCounts fixed or Poisson cell counts
     * @param readsPerCell sequencing depth of the sorted bins, reads per sorted cell, {@code > 0}
     * @param unsortedReadsPerCell depth of the unsorted library, reads per cell, {@code > 0}
     */
    public record Settings(
            double cellsPerSequence,
            CellCounts cellCounts,
            double readsPerCell,
            double unsortedReadsPerCell) {
        public Settings {
            Objects.requireNonNull(cellCounts, "cellCounts");
            if (!(cellsPerSequence > 0 && readsPerCell > 0 && unsortedReadsPerCell > 0)) {
                throw new IllegalArgumentException(
                        "cells per sequence (%s), reads per cell (%s) and unsorted reads per cell (%s) must be > 0"
                                .formatted(cellsPerSequence, readsPerCell, unsortedReadsPerCell));
            }
        }
    }

    private final SortGates gates;
    private final Settings settings;

    /**
     * A simulator for one set of gates and settings.
     *
     * @param gates the gates
     * @param settings the settings
     */
    public SortSeqSimulator(final SortGates gates, final Settings settings) {
        this.gates = Objects.requireNonNull(gates, "gates");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Simulates one sort-seq run.
     *
     * @param trueMeans each sequence's mean log-expression, in z units
     * @param random the source of randomness (e.g. {@code new SplittableRandom(seed)})
     * @return the cells and reads
     */
    public SimulatedRun simulate(final double[] trueMeans, final RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        final int n = trueMeans.length;
        final int bins = gates.size();
        final long[] cells = new long[n];
        final long[][] cellsInBin = new long[n][bins];
        final long[] totalInBin = new long[bins];
        long totalCells = 0;
        for (int i = 0; i < n; i++) {
            cells[i] =
                    settings.cellCounts() == CellCounts.FIXED
                            ? Math.round(settings.cellsPerSequence())
                            : Sampling.poisson(random, settings.cellsPerSequence());
            totalCells += cells[i];
            for (long c = 0; c < cells[i]; c++) {
                final int b = gates.binOf(trueMeans[i] + random.nextGaussian());
                if (b >= 0) {
                    cellsInBin[i][b]++;
                    totalInBin[b]++;
                }
            }
        }
        final long[][] reads = new long[n][bins];
        final long[] unsorted = new long[n];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < bins; b++) {
                reads[i][b] =
                        reads(random, cellsInBin[i][b], totalInBin[b], settings.readsPerCell());
            }
            unsorted[i] = reads(random, cells[i], totalCells, settings.unsortedReadsPerCell());
        }
        return new SimulatedRun(trueMeans, cells, cellsInBin, CountMatrix.of(reads, unsorted));
    }

    private static long reads(
            final RandomGenerator random, final long cells, final long total, final double depth) {
        if (cells == 0) {
            return 0;
        }
        if (cells == total) {
            return Sampling.poisson(random, depth * cells);
        }
        return Sampling.negativeBinomial(random, depth * total, 1 - (double) cells / total);
    }
}
