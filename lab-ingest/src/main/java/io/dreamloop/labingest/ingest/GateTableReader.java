package io.dreamloop.labingest.ingest;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.labingest.estimation.SortGates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one reader of gate tables: one row per bin, in bin order, CSV or TSV, with a {@code bin}
 * column, a {@code cells} column (cells sorted into the bin) and the bounds either as population
 * quantiles ({@code start_quantile, end_quantile}, or MAUDE's {@code binStartQ, binEndQ}) or as
 * fluorescence ({@code start_fluorescence, end_fluorescence}, linear units as the sorter shows
 * them; {@code inf} for an open upper gate). {@link #read} reads an uploaded run's table; {@link
 * #sortGates} reads MAUDE's bin table, which has no cells column and may carry its own z bounds
 * ({@code binStartZ, binEndZ}).
 *
 * <p>Fluorescence bounds become quantiles through the unsorted population's log10 fluorescence,
 * taken as normal with the given mean and sd: q = Φ((log10 F − mean) / sd). That is the same
 * normality MAUDE assumes when it turns quantiles into z bounds.
 */
public final class GateTableReader {

    /** The z bounds of a table that gives none. */
    private static final OptionalDouble NO_Z = OptionalDouble.of(Double.NaN);

    /** The unsorted population's log10 fluorescence, needed for fluorescence gates. */
    public record Population(double log10Mean, double log10Sd) {
        public Population {
            if (!Double.isFinite(log10Mean) || !(log10Sd > 0)) {
                throw new IllegalArgumentException(
                        "population log10 mean must be finite and sd > 0, but were %s and %s"
                                .formatted(log10Mean, log10Sd));
            }
        }
    }

    /** One accepted row; z bounds are NaN unless MAUDE's table gives them. */
    private record Row(BinGate gate, long cells, double startZ, double endZ) {}

    private GateTableReader() {}

    /**
     * Reads an uploaded run's gate table.
     *
     * @param text the table
     * @param population the population's fluorescence, required for fluorescence gates only
     * @throws CountTableException listing every problem with its line and column
     */
    public static GateTable read(final String text, final Population population) {
        final List<Row> rows = rows(text, population, true);
        try {
            return new GateTable(
                    rows.stream().map(Row::gate).toList(), rows.stream().map(Row::cells).toList());
        } catch (final IllegalArgumentException e) {
            throw new CountTableException(List.of("gate table: " + e.getMessage()));
        }
    }

    /**
     * Reads MAUDE's bin table (header {@code Bin, binStartQ, binEndQ}, optionally {@code binStartZ,
     * binEndZ}; columns found by name, any case). Without z columns, z = Φ⁻¹(q).
     *
     * @param text the table
     * @return the gates
     * @throws CountTableException listing every problem with its line and column
     */
    public static SortGates sortGates(final String text) {
        final List<Row> rows = rows(text, null, false);
        try {
            if (Double.isNaN(rows.getFirst().startZ())) {
                return SortGates.fromBinGates(rows.stream().map(Row::gate).toList());
            }
            return new SortGates(rows.stream().map(GateTableReader::bin).toList());
        } catch (final IllegalArgumentException e) {
            throw new CountTableException(List.of("gate table: " + e.getMessage()));
        }
    }

    private static SortGates.Bin bin(final Row row) {
        final BinGate g = row.gate();
        return new SortGates.Bin(
                g.name(), g.startQuantile(), g.endQuantile(), row.startZ(), row.endZ());
    }

    /** Every row, or a {@link CountTableException} naming every problem. */
    private static List<Row> rows(
            final String text, final Population population, final boolean upload) {
        final List<String> problems = new ArrayList<>();
        final String[] lines =
                text == null ? new String[0] : TableText.withoutBom(text).split("\\R");
        final int headerLine = headerLine(lines);
        final String delimiter = lines[headerLine].contains("\t") ? "\t" : ",";
        final List<String> header =
                List.of(lines[headerLine].strip().toLowerCase(Locale.ROOT).split(delimiter, -1))
                        .stream()
                        .map(String::strip)
                        .toList();
        final GateColumns columns =
                GateColumns.of(header, headerLine + 1, population, upload, problems);
        final List<Row> rows = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length && columns != null; i++) {
            if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                final Cells cells = new Cells(lines[i].split(delimiter, -1), header, i + 1);
                row(cells, columns, !upload && columns.hasZ(), problems).ifPresent(rows::add);
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add("the gate table has a header but no bins");
        }
        if (!problems.isEmpty()) {
            throw new CountTableException(problems);
        }
        return rows;
    }

    /** The first line that is neither blank nor a comment. */
    private static int headerLine(final String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                return i;
            }
        }
        throw new CountTableException(
                List.of(
                        "the gate table is empty: expected a header 'bin, start_quantile, end_quantile, cells'"));
    }

    /** One data line's cells, with the header and line number its problems are named by. */
    private record Cells(String[] fields, List<String> header, int line) {
        String get(final int column) {
            return fields[column].strip();
        }

        /** True when the line has a cell for every column, else adds the problem. */
        boolean complete(final List<String> problems) {
            if (fields.length == header.size()) {
                return true;
            }
            problems.add(
                    "gate table line %d: %d columns, expected %d (%s)"
                            .formatted(
                                    line, fields.length, header.size(), String.join(", ", header)));
            return false;
        }
    }

    private static Optional<Row> row(
            final Cells c,
            final GateColumns columns,
            final boolean z,
            final List<String> problems) {
        if (!c.complete(problems)) {
            return Optional.empty();
        }
        final OptionalDouble start = number(c, columns.start(), problems);
        final OptionalDouble end = number(c, columns.end(), problems);
        final OptionalDouble cellCount =
                columns.cells() < 0 ? OptionalDouble.of(0) : number(c, columns.cells(), problems);
        final OptionalDouble startZ = z ? number(c, columns.startZ(), problems) : NO_Z;
        final OptionalDouble endZ = z ? number(c, columns.endZ(), problems) : NO_Z;
        if (start.isEmpty()
                || end.isEmpty()
                || cellCount.isEmpty()
                || startZ.isEmpty()
                || endZ.isEmpty()) {
            return Optional.empty();
        }
        final double cells = cellCount.getAsDouble();
        if (cells < 0 || cells != Math.rint(cells)) {
            problems.add(
                    "gate table line %d, column cells: '%s' is not a whole number of cells >= 0"
                            .formatted(c.line(), c.get(columns.cells())));
            return Optional.empty();
        }
        try {
            final BinGate gate =
                    new BinGate(
                            c.get(columns.bin()),
                            columns.quantile(start.getAsDouble()),
                            columns.quantile(end.getAsDouble()));
            return Optional.of(
                    new Row(gate, (long) cells, startZ.getAsDouble(), endZ.getAsDouble()));
        } catch (final IllegalArgumentException e) {
            problems.add("gate table line %d: %s".formatted(c.line(), e.getMessage()));
            return Optional.empty();
        }
    }

    private static OptionalDouble number(
            final Cells c, final int column, final List<String> problems) {
        final String cell = c.get(column);
        if (cell.equalsIgnoreCase("inf")) {
            return OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        try {
            return OptionalDouble.of(Double.parseDouble(cell));
        } catch (final NumberFormatException e) {
            problems.add(
                    "gate table line %d, column %s: '%s' is not a number"
                            .formatted(c.line(), c.header().get(column), cell));
            return OptionalDouble.empty();
        }
    }
}
