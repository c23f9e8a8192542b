package io.dreamloop.cli.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table: a header row, rows of cells, columns padded to their widest cell; numbers
 * (cells that parse as one) are right-aligned so their digits line up.
 */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column names. */
    public Table(final String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.of(header);
    }

    /**
     * Adds a row; {@code null} cells print as {@code -}.
     *
     * @throws IllegalArgumentException when the row has a different number of cells
     */
    public Table row(final Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "a row of %d cells in a table of %d columns %s"
                            .formatted(cells.length, header.size(), header));
        }
        rows.add(Arrays.stream(cells).map(c -> Objects.toString(c, "-")).toList());
        return this;
    }

    /** Number of rows (without the header). */
    public int size() {
        return rows.size();
    }

    /** The table as lines of text. */
    public List<String> lines() {
        final int[] width = new int[header.size()];
        final boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, !rows.isEmpty());
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (final List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
                numeric[c] &= isNumber(row.get(c));
            }
        }
        final List<String> out = new ArrayList<>(rows.size() + 1);
        out.add(line(header, width, numeric));
        for (final List<String> row : rows) {
            out.add(line(row, width, numeric));
        }
        return out;
    }

    /** Prints the table. */
    public void print(final PrintStream out) {
        lines().forEach(out::println);
    }

    private static String line(final List<String> cells, final int[] width, final boolean[] right) {
        final StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                b.append("  ");
            }
            final String cell = cells.get(c);
            final String pad = " ".repeat(width[c] - cell.length());
            b.append(right[c] ? pad + cell : cell + (c == cells.size() - 1 ? "" : pad));
        }
        return b.toString();
    }

    private static boolean isNumber(final String cell) {
        if ("-".equals(cell)) {
            return true;
        }
        try {
            Double.parseDouble(cell.replace(",", ""));
            return true;
        } catch (final NumberFormatException e) {
            return false;
        }
    }
}
