package io.dreamloop.labingest.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A validated count table.
 *
 * @param key what the first column names: a member id or the measured sequence
 * @param bins the bin names, in column order
 * @param rows reads per row: unsorted library and each bin
 * @param controls the keys its {@code control} column marks as negative controls, in row order
 */
public record CountTable(Key key, List<String> bins, List<Row> rows, List<String> controls) {

    /** The first column of a count table. */
    public enum Key {
        /** {@code member_id}: the library's member ids. */
        MEMBER_ID("member_id"),
        /** {@code sequence}: the measured sequence (variable region or full oligo). */
        SEQUENCE("sequence");

        private final String column;

        Key(final String column) {
            this.column = column;
        }

        /** The header name of the column. */
        public String column() {
            return column;
        }
    }

    /**
     * One row.
     *
     * @param line the 1-based line in the file, for messages
     * @param key the member id or sequence, as written
     * @param unsortedReads reads in the unsorted library
     * @param binReads reads per bin, in gate order
     */
    public record Row(int line, String key, long unsortedReads, List<Long> binReads) {
        public Row {
            Objects.requireNonNull(key, "key");
            binReads = List.copyOf(binReads);
        }

        /** Reads over all bins. */
        public long sortedReads() {
            return binReads.stream().mapToLong(Long::longValue).sum();
        }
    }

    public CountTable {
        Objects.requireNonNull(key, "key");
        bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        controls = List.copyOf(Objects.requireNonNull(controls, "controls"));
    }
}
