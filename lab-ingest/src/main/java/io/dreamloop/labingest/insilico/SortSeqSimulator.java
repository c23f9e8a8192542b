package io.dreamloop.labingest.insilico;

import io.dreamloop.labingest.estimation.CountMatrix;
import io.dreamloop.labingest.estimation.SortGates;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The generative model MAUDE inverts (SPEC §5.2, simulation recipe of the MAUDE vignette).
 *
 * <p>Sequence i gets c_i cells (fixed or Poisson). Each cell's log-expression is N(mean_i,
 * cellSd²). As on a real sorter, the gates are set on the population actually loaded: each gate's
 * quantile bounds are placed at the empirical quantiles of all cells' expression, and a cell goes
 * to the first gate whose range holds it; cells outside every gate are lost. The run reports the
 * truth on the population's z scale ((mean − population mean) / population sd), the scale MAUDE
 * estimates on, and the cells' sd on that scale (MAUDE's σ). Reads of sequence i in bin b are
 * NB(size = d·T_b, prob = 1 − c_{i,b}/T_b), T_b the bin's cells and d the reads per cell (the
 * vignette uses d = 10), so E[reads] ≈ d·c_{i,b}. Unsorted reads are drawn the same way from the
 * sequence's share of all cells. When a single sequence holds all of a bin's cells, prob would be
 * 0; its reads are then Poisson(d·c_{i,b}).
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
     * @param cellSd cell-to-cell standard deviation of log-expression around a sequence's mean,
     *     {@code > 0}, in the units of the means
     */
    public record Settings(
            double cellsPerSequence,
            CellCounts cellCounts,
            double readsPerCell,
            double unsortedReadsPerCell,
            double cellSd) {
        public Settings {
            Objects.requireNonNull(cellCounts, "cellCounts");
            if (!(cellsPerSequence > 0
                    && readsPerCell > 0
                    && unsortedReadsPerCell > 0
                    && cellSd > 0)) {
                throw new IllegalArgumentException(
                        "cells per sequence (%s), reads per cell (%s), unsorted reads per cell (%s) and cell sd (%s) must be > 0"
                                .formatted(
                                        cellsPerSequence,
                                        readsPerCell,
                                        unsortedReadsPerCell,
                                        cellSd));
            }
        }

        /** Settings with unit cell-to-cell noise. */
        public Settings(
                final double cellsPerSequence,
                final CellCounts cellCounts,
                final double readsPerCell,
                final double unsortedReadsPerCell) {
            this(cellsPerSequence, cellCounts, readsPerCell, unsortedReadsPerCell, 1);
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
     * @param trueMeans each sequence's mean log-expression, in the same units as the cell noise
     * @param random the source of randomness (e.g. {@code new SplittableRandom(seed)})
     * @return the cells and reads
     * @throws IllegalArgumentException when no cell was drawn at all
     */
    public SimulatedRun simulate(final double[] trueMeans, final RandomGenerator random) {
        return simulate(trueMeans, random, null);
    }

    /**
     * The sorter's gates as an operator sets them on a library's cells (at the population's
     * quantiles), to keep them for later sorts: {@link #simulate(double[], RandomGenerator,
     * Population)} with these gates puts every run on the same scale, as a lab does across the
     * cycles of a campaign so that their measurements can be pooled.
     *
     * @param trueMeans each sequence's mean log-expression in the reference library
     * @param random the source of randomness
     */
    public Population gatesOn(final double[] trueMeans, final RandomGenerator random) {
        return simulate(trueMeans, random).population();
    }

    /**
     * Simulates one sort-seq run with gates kept from an earlier sort ({@link #gatesOn}); {@code
     * null} places them on this run's own cells.
     *
     * @throws IllegalArgumentException when no cell was drawn at all
     */
    public SimulatedRun simulate(
            final double[] trueMeans, final RandomGenerator random, final Population fixedGates) {
        Objects.requireNonNull(random, "random");
        final int n = trueMeans.length;
        final int bins = gates.size();
        final long[] cells = cellsPerSequence(n, random);
        final long totalCells = Arrays.stream(cells).sum();
        final double[] expression = expression(trueMeans, cells, totalCells, random);
        final Population population =
                fixedGates != null ? fixedGates : Population.of(expression, gates);
        final long[][] cellsInBin = sort(cells, expression, population);
        final long[] totalInBin = new long[bins];
        for (final long[] sequence : cellsInBin) {
            for (int b = 0; b < bins; b++) {
                totalInBin[b] += sequence[b];
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
        final double[] zMeans = Arrays.stream(trueMeans).map(population::toZ).toArray();
        return new SimulatedRun(
                population,
                trueMeans,
                zMeans,
                settings.cellSd() / population.sd(),
                cells,
                cellsInBin,
                CountMatrix.of(reads, unsorted));
    }

    /** The cells drawn of each sequence, fixed or Poisson. */
    private long[] cellsPerSequence(final int n, final RandomGenerator random) {
        final long[] cells = new long[n];
        for (int i = 0; i < n; i++) {
            cells[i] =
                    settings.cellCounts() == CellCounts.FIXED
                            ? Math.round(settings.cellsPerSequence())
                            : Sampling.poisson(random, settings.cellsPerSequence());
        }
        return cells;
    }

    /** Every cell's expression, the cells of each sequence in turn around its true mean. */
    private double[] expression(
            final double[] trueMeans,
            final long[] cells,
            final long totalCells,
            final RandomGenerator random) {
        if (totalCells == 0 || totalCells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "a run needs between 1 and 2^31 cells, but drew " + totalCells);
        }
        final double[] expression = new double[(int) totalCells];
        int cell = 0;
        for (int i = 0; i < trueMeans.length; i++) {
            for (long c = 0; c < cells[i]; c++) {
                expression[cell++] = trueMeans[i] + settings.cellSd() * random.nextGaussian();
            }
        }
        return expression;
    }

    /** The cells of each sequence that the gates put in each bin. */
    private long[][] sort(
            final long[] cells, final double[] expression, final Population population) {
        final long[][] cellsInBin = new long[cells.length][gates.size()];
        int cell = 0;
        for (int i = 0; i < cells.length; i++) {
            for (long c = 0; c < cells[i]; c++) {
                final int b = population.binOf(expression[cell++]);
                if (b >= 0) {
                    cellsInBin[i][b]++;
                }
            }
        }
        return cellsInBin;
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
