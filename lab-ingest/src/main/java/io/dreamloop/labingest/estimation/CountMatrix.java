package io.dreamloop.labingest.estimation;

import io.dreamloop.contracts.event.SequenceCounts;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Reads per sequence: one row per sequence, one column per sorting bin, plus the sequence's reads
 * in the unsorted library. Immutable; the arrays are copied in.
 *
 * <p>Not a record because its state is arrays (records would compare them by identity).
 */
public final class CountMatrix {

    private final List<String> ids;
    private final long[][] binReads;
    private final long[] unsortedReads;

    private CountMatrix(
            final List<String> ids, final long[][] binReads, final long[] unsortedReads) {
        this.ids = List.copyOf(ids);
        if (binReads.length != ids.size() || unsortedReads.length != ids.size()) {
            throw new IllegalArgumentException(
                    "%d ids, %d bin-read rows and %d unsorted counts must agree"
                            .formatted(ids.size(), binReads.length, unsortedReads.length));
        }
        this.binReads = new long[binReads.length][];
        for (int i = 0; i < binReads.length; i++) {
            final long[] row = Objects.requireNonNull(binReads[i], "row " + i);
            for (int b = 0; b < row.length; b++) {
                if (row[b] < 0) {
                    throw new IllegalArgumentException(
                            "row %d ('%s'), bin %d: reads must be >= 0, but was %d"
                                    .formatted(i, ids.get(i), b, row[b]));
                }
            }
            if (unsortedReads[i] < 0) {
                throw new IllegalArgumentException(
                        "row %d ('%s'): unsorted reads must be >= 0, but was %d"
                                .formatted(i, ids.get(i), unsortedReads[i]));
            }
            this.binReads[i] = row.clone();
        }
        this.unsortedReads = unsortedReads.clone();
    }

    /**
     * A matrix with explicit sequence ids.
     *
     * @param ids one id per row
     * @param binReads reads per row and bin, each {@code >= 0}
     * @param unsortedReads unsorted-library reads per row, each {@code >= 0}
     * @return the matrix
     * @throws IllegalArgumentException naming the row and bin of a negative count
     */
    public static CountMatrix of(
            final List<String> ids, final long[][] binReads, final long[] unsortedReads) {
        return new CountMatrix(ids, binReads, unsortedReads);
    }

    /**
     * A matrix whose ids are the row numbers {@code "0".."n-1"}.
     *
     * @param binReads reads per row and bin
     * @param unsortedReads unsorted-library reads per row
     * @return the matrix
     */
    public static CountMatrix of(final long[][] binReads, final long[] unsortedReads) {
        final List<String> ids =
                IntStream.range(0, binReads.length).mapToObj(Integer::toString).toList();
        return new CountMatrix(ids, binReads, unsortedReads);
    }

    /**
     * A matrix from a run's counts, ids = member ids.
     *
     * @param counts the counts
     * @return the matrix
     */
    public static CountMatrix fromSequenceCounts(final List<SequenceCounts> counts) {
        final long[][] reads =
                counts.stream()
                        .map(c -> c.binReads().stream().mapToLong(Long::longValue).toArray())
                        .toArray(long[][]::new);
        final long[] unsorted = counts.stream().mapToLong(SequenceCounts::unsortedReads).toArray();
        return new CountMatrix(
                counts.stream().map(SequenceCounts::memberId).toList(), reads, unsorted);
    }

    /** Number of sequences. */
    public int rows() {
        return ids.size();
    }

    /** The sequence ids, in row order. */
    public List<String> ids() {
        return ids;
    }

    /**
     * Number of bins in a row.
     *
     * @param row the row
     * @return its bin count
     */
    public int bins(final int row) {
        return binReads[row].length;
    }

    /**
     * Reads of one sequence in one bin.
     *
     * @param row the sequence
     * @param bin the bin
     * @return the reads
     */
    public long reads(final int row, final int bin) {
        return binReads[row][bin];
    }

    /**
     * A copy of one sequence's bin reads.
     *
     * @param row the sequence
     * @return its reads per bin
     */
    public long[] row(final int row) {
        return binReads[row].clone();
    }

    /**
     * Reads of one sequence in the unsorted library.
     *
     * @param row the sequence
     * @return the reads
     */
    public long unsortedReads(final int row) {
        return unsortedReads[row];
    }
}
