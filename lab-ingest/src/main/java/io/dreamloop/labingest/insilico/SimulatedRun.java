package io.dreamloop.labingest.insilico;

import io.dreamloop.labingest.estimation.CountMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated sort-seq run: the truth (means, cells) next to what a sequencer would report. Not a
 * record because its state is arrays; accessors return copies.
 */
public final class SimulatedRun {

    private final Population population;
    private final double[] trueMeans;
    private final double[] zMeans;
    private final double cellSigma;
    private final long[] cells;
    private final long[][] cellsInBin;
    private final CountMatrix counts;

    SimulatedRun(
            final Population population,
            final double[] trueMeans,
            final double[] zMeans,
            final double cellSigma,
            final long[] cells,
            final long[][] cellsInBin,
            final CountMatrix counts) {
        this.population = population;
        this.trueMeans = trueMeans.clone();
        this.zMeans = zMeans;
        this.cellSigma = cellSigma;
        this.cells = cells;
        this.cellsInBin = cellsInBin;
        this.counts = counts;
    }

    /** The sorter's gates and population of this run. */
    Population population() {
        return population;
    }

    /** The reads, one row per sequence (ids {@code "0".."n-1"}). */
    public CountMatrix counts() {
        return counts;
    }

    /** The true means on the population's z scale, the scale MAUDE estimates on. */
    public double[] zMeans() {
        return zMeans.clone();
    }

    /** The cells' sd on the population's z scale: the σ a correctly specified MAUDE uses. */
    public double cellSigma() {
        return cellSigma;
    }

    /** The true mean of each sequence, in the units they were given. */
    public double[] trueMeans() {
        return trueMeans.clone();
    }

    /**
     * Cells of a sequence in the library, sorted or not.
     *
     * @param row the sequence
     * @return its cells
     */
    public long cells(final int row) {
        return cells[row];
    }

    /**
     * Cells of a sequence that were sorted into some bin (what a singleton flag is about).
     *
     * @param row the sequence
     * @return its sorted cells
     */
    public long sortedCells(final int row) {
        long s = 0;
        for (final long c : cellsInBin[row]) {
            s += c;
        }
        return s;
    }

    /**
     * Cells of a sequence in one bin.
     *
     * @param row the sequence
     * @param bin the bin
     * @return the cells
     */
    public long cellsInBin(final int row, final int bin) {
        return cellsInBin[row][bin];
    }

    /** Cells sorted into each bin, over all sequences, as a lab reports them. */
    public List<Long> cellsPerBin() {
        final List<Long> out = new ArrayList<>();
        for (int b = 0; b < cellsInBin[0].length; b++) {
            long total = 0;
            for (final long[] row : cellsInBin) {
                total += row[b];
            }
            out.add(total);
        }
        return out;
    }

    /**
     * The reads as a lab submits them, with the given member id for each row.
     *
     * @throws IllegalArgumentException when there is not one id per row
     */
    public List<io.dreamloop.contracts.event.SequenceCounts> sequenceCounts(
            final List<String> memberIds) {
        if (memberIds.size() != counts.rows()) {
            throw new IllegalArgumentException(
                    "%d member ids for %d simulated rows"
                            .formatted(memberIds.size(), counts.rows()));
        }
        final List<io.dreamloop.contracts.event.SequenceCounts> out = new ArrayList<>();
        for (int i = 0; i < counts.rows(); i++) {
            final List<Long> bins = new ArrayList<>();
            for (final long r : counts.row(i)) {
                bins.add(r);
            }
            out.add(
                    new io.dreamloop.contracts.event.SequenceCounts(
                            memberIds.get(i), counts.unsortedReads(i), bins));
        }
        return out;
    }
}
