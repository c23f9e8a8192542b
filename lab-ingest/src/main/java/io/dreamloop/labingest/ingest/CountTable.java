package io.dreamloop.labingest.ingest;

import io.dreamloop.contracts.event.SequenceCounts;
import java.util.List;
import java.util.Objects;

/**
 * A validated count table.
 *
 * @param bins the bin names, in column order
 * @param rows reads per member: unsorted library and each bin
 */
public record CountTable(List<String> bins, List<SequenceCounts> rows) {
    public CountTable {
        bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }
}
