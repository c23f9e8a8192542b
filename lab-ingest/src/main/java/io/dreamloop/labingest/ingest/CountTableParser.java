package io.dreamloop.labingest.ingest;

import io.dreamloop.contracts.event.Ids;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a count table: a header {@code member_id, unsorted, <bin>...} (or {@code sequence,
 * unsorted, <bin>...} when the lab reports measured sequences) whose bin names must be the run's
 * gates in order, then one row per member with non-negative integer read counts. CSV or TSV, chosen
 * from the header line. Blank lines are skipped; {@code #} starts a comment line.
 *
 * <p>Every problem is collected (up to {@value #MAX_PROBLEMS}) and reported together, each with its
 * line number and column name, so a lab fixes a file in one round.
 */
public final class CountTableParser {
    /** Problems reported at most; a file with more is usually the wrong file. */
    public static final int MAX_PROBLEMS = 50;

    private CountTableParser() {}

    /**
     * @param table the file's text
     * @param bins the run's bin names, in gate order
     * @throws CountTableException listing every problem with its line and column
     */
    public static CountTable parse(final Reader table, final List<String> bins) {
        final List<String> problems = new ArrayList<>();
        final List<CountTable.Row> rows = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        CountTable.Key key = CountTable.Key.MEMBER_ID;
        List<String> header = null;
        try (BufferedReader in = new BufferedReader(table)) {
            String line;
            int number = 0;
            String delimiter = null;
            while ((line = in.readLine()) != null && problems.size() < MAX_PROBLEMS) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header == null) {
                    delimiter = line.contains("\t") ? "\t" : ",";
                    header = List.of(line.strip().split(delimiter, -1));
                    key =
                            header.getFirst().strip().equals(CountTable.Key.SEQUENCE.column())
                                    ? CountTable.Key.SEQUENCE
                                    : CountTable.Key.MEMBER_ID;
                    checkHeader(header, key, bins, number, problems);
                    continue;
                }
                final String[] cells = line.split(delimiter, -1);
                final CountTable.Row row = parseRow(cells, header, key, number, seen, problems);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the count table", e);
        }
        if (header == null) {
            problems.add(
                    "the table is empty: expected a header 'member_id, unsorted, %s'"
                            .formatted(String.join(", ", bins)));
        } else if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("the table has a header but no rows");
        }
        if (!problems.isEmpty()) {
            throw new CountTableException(problems);
        }
        return new CountTable(key, bins, rows);
    }

    private static void checkHeader(
            final List<String> header,
            final CountTable.Key key,
            final List<String> bins,
            final int line,
            final List<String> problems) {
        final List<String> expected = new ArrayList<>(List.of(key.column(), "unsorted"));
        expected.addAll(bins);
        final List<String> given = header.stream().map(String::strip).toList();
        if (!given.equals(expected)) {
            problems.add(
                    "line %d: header is [%s] but the run's %d gates need [%s] (first column member_id or sequence)"
                            .formatted(
                                    line,
                                    String.join(", ", given),
                                    bins.size(),
                                    String.join(", ", expected)));
        }
    }

    /** The row, or null after adding its problems. */
    private static CountTable.Row parseRow(
            final String[] cells,
            final List<String> header,
            final CountTable.Key key,
            final int line,
            final Set<String> seen,
            final List<String> problems) {
        if (cells.length != header.size()) {
            problems.add(
                    "line %d: %d columns, expected %d (%s)%s"
                            .formatted(
                                    line,
                                    cells.length,
                                    header.size(),
                                    String.join(", ", header),
                                    cells.length < header.size()
                                            ? "; the file may be truncated"
                                            : ""));
            return null;
        }
        final String id = cells[0].strip();
        try {
            if (key == CountTable.Key.SEQUENCE) {
                DnaSequence.of(id);
            } else {
                Ids.require(id, "member_id");
            }
        } catch (final IllegalArgumentException e) {
            problems.add("line %d, column %s: %s".formatted(line, key.column(), e.getMessage()));
            return null;
        }
        if (!seen.add(id)) {
            problems.add(
                    "line %d, column %s: '%s' appears twice".formatted(line, key.column(), id));
            return null;
        }
        final long[] values = new long[cells.length - 1];
        boolean ok = true;
        for (int c = 1; c < cells.length; c++) {
            final String cell = cells[c].strip();
            try {
                values[c - 1] = Long.parseLong(cell);
                if (values[c - 1] < 0) {
                    problems.add(
                            "line %d, column %s: negative count %s"
                                    .formatted(line, header.get(c), cell));
                    ok = false;
                }
            } catch (final NumberFormatException e) {
                problems.add(
                        "line %d, column %s: '%s' is not a whole number of reads"
                                .formatted(line, header.get(c), cell));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        final List<Long> binReads = new ArrayList<>(values.length - 1);
        for (int b = 1; b < values.length; b++) {
            binReads.add(values[b]);
        }
        return new CountTable.Row(line, id, values[0], binReads);
    }
}
