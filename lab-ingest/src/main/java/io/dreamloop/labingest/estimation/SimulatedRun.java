package io.dreamloop.labingest.estimation;

/**
 * One simulated sort-seq run: the truth (means, cells) next to what a sequencer would report. Not a
 * record because its state is arrays; accessors return copies.
 */
public final class SimulatedRun {

    private final double[] trueMeans;
    private final long[] cells;
    private final long[][] cellsInBin;
    private final CountMatrix counts;

    SimulatedRun(
            final double[] trueMeans,
            final long[] cells,
            final long[][] cellsInBin,
            final CountMatrix counts) {
        this.trueMeans = trueMeans.clone();
        this.cells = cells;
        this.cellsInBin = cellsInBin;
        this.counts = counts;
    }

    /** The reads, one row per sequence (ids {@code "0".."n-1"}). */
    public CountMatrix counts() {
        return counts;
    }

    /** The true mean of each sequence. */
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
}
