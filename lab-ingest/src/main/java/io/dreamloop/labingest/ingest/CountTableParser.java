package io.dreamloop.labingest.ingest;

import io.dreamloop.contracts.event.Ids;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a count table: a header whose first column is {@code member_id} (or {@code sequence} when
 * the lab reports measured sequences), with one column of unsorted reads named {@code unsorted},
 * {@code NS} (MAUDE's name) or {@code unsorted_reads} anywhere after it, optionally a {@code
 * control} column marking negative controls ({@code 1}/{@code true}/{@code yes}; {@code 0}/{@code
 * false}/{@code no}/empty otherwise), and the run's bins in gate order as the other columns; then
 * one row per member with non-negative integer read counts. CSV or TSV, chosen from the header
 * line; a leading byte-order mark (Excel's CSV export) is ignored. Blank lines are skipped; {@code
 * #} starts a comment line.
 *
 * <p>Every problem is collected and reported together (the first {@value
 * CountTableException#MAX_LISTED} listed, the rest counted), each with its line number and column
 * name, so a lab fixes a file in one round.
 */
public final class CountTableParser {
    /** Names of the unsorted column, compared ignoring case. */
    public static final List<String> UNSORTED_NAMES = List.of("unsorted", "NS", "unsorted_reads");

    /** Name of the optional column that marks negative controls. */
    public static final String CONTROL = "control";

    private static final Set<String> YES = Set.of("1", "true", "yes");
    private static final Set<String> NO = Set.of("0", "false", "no", "");

    private CountTableParser() {}

    /**
     * @param table the file's text
     * @param bins the run's bin names, in gate order
     * @throws CountTableException listing every problem with its line and column
     */
    public static CountTable parse(final Reader table, final List<String> bins) {
        final List<String> problems = new ArrayList<>();
        final List<CountTable.Row> rows = new ArrayList<>();
        final List<String> controls = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();
        Layout layout = null;
        try (BufferedReader in = new BufferedReader(table)) {
            String line;
            int number = 0;
            String delimiter = null;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1) {
                    line = TableText.withoutBom(line);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (delimiter == null) {
                    delimiter = line.contains("\t") ? "\t" : ",";
                    layout = Layout.of(List.of(line.strip().split(delimiter, -1)), bins, number);
                    layout.problem().ifPresent(problems::add);
                    continue;
                }
                if (layout.problem().isPresent()) {
                    continue;
                }
                final String[] cells = line.split(delimiter, -1);
                final CountTable.Row row = parseRow(cells, layout, number, seen, problems);
                if (row != null) {
                    if (layout.control() >= 0 && control(cells, layout, number, problems)) {
                        controls.add(row.key());
                    }
                    rows.add(row);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the count table", e);
        }
        return table(layout, bins, rows, controls, problems);
    }

    /** The table read, or every problem found in it. */
    private static CountTable table(
            final Layout layout,
            final List<String> bins,
            final List<CountTable.Row> rows,
            final List<String> controls,
            final List<String> problems) {
        if (layout == null) {
            problems.add(
                    "the table is empty: expected a header 'member_id, unsorted, %s'"
                            .formatted(String.join(", ", bins)));
        } else if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("the table has a header but no rows");
        }
        if (!problems.isEmpty()) {
            throw new CountTableException(problems);
        }
        return new CountTable(layout.key(), bins, rows, controls);
    }

    /**
     * Where a header puts the key, the unsorted reads, the control marks and each bin.
     *
     * @param header the header's cells, stripped
     * @param key what the first column names
     * @param unsorted the index of the unsorted column
     * @param control the index of the control column, -1 when there is none
     * @param binColumns the index of each bin's column, in gate order
     * @param problem what is wrong with the header, if anything
     */
    private record Layout(
            List<String> header,
            CountTable.Key key,
            int unsorted,
            int control,
            int[] binColumns,
            Optional<String> problem) {

        static Layout of(final List<String> cells, final List<String> bins, final int line) {
            final List<String> header = cells.stream().map(String::strip).toList();
            final CountTable.Key key =
                    header.getFirst().equals(CountTable.Key.SEQUENCE.column())
                            ? CountTable.Key.SEQUENCE
                            : CountTable.Key.MEMBER_ID;
            int unsorted = -1;
            int control = -1;
            final List<String> binNames = new ArrayList<>();
            final List<Integer> binColumns = new ArrayList<>();
            for (int c = 1; c < header.size(); c++) {
                final String name = header.get(c);
                if (unsorted < 0 && UNSORTED_NAMES.stream().anyMatch(name::equalsIgnoreCase)) {
                    unsorted = c;
                } else if (control < 0 && name.equalsIgnoreCase(CONTROL)) {
                    control = c;
                } else {
                    binNames.add(name);
                    binColumns.add(c);
                }
            }
            final String problem = problem(header, key, unsorted, binNames, bins);
            return new Layout(
                    header,
                    key,
                    unsorted,
                    control,
                    binColumns.stream().mapToInt(Integer::intValue).toArray(),
                    Optional.ofNullable(problem)
                            .map(
                                    p ->
                                            "line %d: header is [%s] but the run's %d gates need [%s, unsorted, %s]: %s (first column member_id or sequence; unsorted may be named %s and stand anywhere; an optional control column marks negative controls)"
                                                    .formatted(
                                                            line,
                                                            String.join(", ", header),
                                                            bins.size(),
                                                            key.column(),
                                                            String.join(", ", bins),
                                                            p,
                                                            String.join(" or ", UNSORTED_NAMES))));
        }

        private static String problem(
                final List<String> header,
                final CountTable.Key key,
                final int unsorted,
                final List<String> binNames,
                final List<String> bins) {
            if (!header.getFirst().equals(key.column())) {
                return "column 1 is %s where 'member_id' or 'sequence' is expected"
                        .formatted(TableText.visible(header.getFirst()));
            }
            if (unsorted < 0) {
                return "there is no unsorted column";
            }
            if (!binNames.equals(bins)) {
                return TableText.difference("bin column", binNames, bins);
            }
            return null;
        }

        String column(final int c) {
            return header.get(c);
        }
    }

    /** The row, or null after adding its problems. */
    private static CountTable.Row parseRow(
            final String[] cells,
            final Layout layout,
            final int line,
            final Map<String, Integer> seen,
            final List<String> problems) {
        final int width = layout.header().size();
        if (cells.length != width) {
            problems.add(
                    "line %d: %d columns, expected %d (%s)%s"
                            .formatted(
                                    line,
                                    cells.length,
                                    width,
                                    String.join(", ", layout.header()),
                                    cells.length < width ? "; the file may be truncated" : ""));
            return null;
        }
        final String id = cells[0].strip();
        if (!validKey(id, layout.key(), line, seen, problems)) {
            return null;
        }
        final long unsorted = reads(cells, layout.unsorted(), layout, line, problems);
        final List<Long> binReads = new ArrayList<>(layout.binColumns().length);
        for (final int c : layout.binColumns()) {
            binReads.add(reads(cells, c, layout, line, problems));
        }
        if (unsorted < 0 || binReads.stream().anyMatch(r -> r < 0)) {
            return null;
        }
        return new CountTable.Row(line, id, unsorted, binReads);
    }

    /** True for a well-formed key seen for the first time, else adds the problem. */
    private static boolean validKey(
            final String id,
            final CountTable.Key key,
            final int line,
            final Map<String, Integer> seen,
            final List<String> problems) {
        try {
            if (key == CountTable.Key.SEQUENCE) {
                DnaSequence.of(id);
            } else {
                Ids.require(id, "member_id");
            }
        } catch (final IllegalArgumentException e) {
            problems.add("line %d, column %s: %s".formatted(line, key.column(), e.getMessage()));
            return false;
        }
        final Integer earlier = seen.putIfAbsent(id, line);
        if (earlier != null) {
            problems.add(
                    "line %d, column %s: '%s' appears twice, on lines %d and %d"
                            .formatted(line, key.column(), id, earlier, line));
            return false;
        }
        return true;
    }

    /** The reads in a cell, or -1 after adding its problem. */
    private static long reads(
            final String[] cells,
            final int c,
            final Layout layout,
            final int line,
            final List<String> problems) {
        final String cell = cells[c].strip();
        try {
            final long value = Long.parseLong(cell);
            if (value < 0) {
                problems.add(
                        "line %d, column %s: negative count %s"
                                .formatted(line, layout.column(c), cell));
                return -1;
            }
            return value;
        } catch (final NumberFormatException e) {
            problems.add(
                    "line %d, column %s: '%s' is not a whole number of reads"
                            .formatted(line, layout.column(c), cell));
            return -1;
        }
    }

    /** Whether the row's control cell marks a negative control; a bad cell adds its problem. */
    private static boolean control(
            final String[] cells,
            final Layout layout,
            final int line,
            final List<String> problems) {
        final String cell = cells[layout.control()].strip().toLowerCase(Locale.ROOT);
        if (YES.contains(cell)) {
            return true;
        }
        if (!NO.contains(cell)) {
            problems.add(
                    "line %d, column %s: '%s' is neither yes (1, true, yes) nor no (0, false, no, empty)"
                            .formatted(line, layout.column(layout.control()), cell));
        }
        return false;
    }
}
