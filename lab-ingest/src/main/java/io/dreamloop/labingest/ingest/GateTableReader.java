package io.dreamloop.labingest.ingest;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.contracts.stats.Normal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Reads the gate table of an uploaded run: one row per bin, in bin order, CSV or TSV, with a {@code
 * bin} column, a {@code cells} column (cells sorted into the bin) and the bounds either as
 * population quantiles ({@code start_quantile, end_quantile}, or MAUDE's {@code binStartQ,
 * binEndQ}) or as fluorescence ({@code start_fluorescence, end_fluorescence}, linear units as the
 * sorter shows them; {@code inf} for an open upper gate).
 *
 * <p>Fluorescence bounds become quantiles through the unsorted population's log10 fluorescence,
 * taken as normal with the given mean and sd: q = Φ((log10 F − mean) / sd). That is the same
 * normality MAUDE assumes when it turns quantiles into z bounds.
 */
public final class GateTableReader {

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

    private GateTableReader() {}

    /**
     * @param text the table
     * @param population the population's fluorescence, required for fluorescence gates only
     * @throws CountTableException listing every problem with its line and column
     */
    public static GateTable read(final String text, final Population population) {
        final List<String> problems = new ArrayList<>();
        final String[] lines =
                text == null ? new String[0] : TableText.withoutBom(text).split("\\R");
        int headerLine = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new CountTableException(
                    List.of(
                            "the gate table is empty: expected a header 'bin, start_quantile, end_quantile, cells'"));
        }
        final String delimiter = lines[headerLine].contains("\t") ? "\t" : ",";
        final List<String> header =
                List.of(lines[headerLine].strip().toLowerCase(Locale.ROOT).split(delimiter, -1))
                        .stream()
                        .map(String::strip)
                        .toList();
        final Columns columns = Columns.of(header, headerLine + 1, population, problems);
        final List<BinGate> gates = new ArrayList<>();
        final List<Long> cells = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#") || columns == null) {
                continue;
            }
            final int line = i + 1;
            final String[] f = lines[i].split(delimiter, -1);
            if (f.length != header.size()) {
                problems.add(
                        "gate table line %d: %d columns, expected %d (%s)"
                                .formatted(
                                        line, f.length, header.size(), String.join(", ", header)));
                continue;
            }
            final String name = f[columns.bin].strip();
            final OptionalDouble start = number(f, columns.start, header, line, problems);
            final OptionalDouble end = number(f, columns.end, header, line, problems);
            final OptionalDouble cellCount = number(f, columns.cells, header, line, problems);
            if (start.isEmpty() || end.isEmpty() || cellCount.isEmpty()) {
                continue;
            }
            final double c = cellCount.getAsDouble();
            if (c < 0 || c != Math.rint(c)) {
                problems.add(
                        "gate table line %d, column cells: '%s' is not a whole number of cells >= 0"
                                .formatted(line, f[columns.cells].strip()));
                continue;
            }
            try {
                gates.add(
                        new BinGate(
                                name,
                                columns.quantile(start.getAsDouble()),
                                columns.quantile(end.getAsDouble())));
                cells.add((long) c);
            } catch (final IllegalArgumentException e) {
                problems.add("gate table line %d: %s".formatted(line, e.getMessage()));
            }
        }
        if (problems.isEmpty() && gates.isEmpty()) {
            problems.add("the gate table has a header but no bins");
        }
        if (problems.isEmpty()) {
            try {
                return new GateTable(gates, cells);
            } catch (final IllegalArgumentException e) {
                problems.add("gate table: " + e.getMessage());
            }
        }
        throw new CountTableException(problems);
    }

    private static OptionalDouble number(
            final String[] f,
            final int column,
            final List<String> header,
            final int line,
            final List<String> problems) {
        final String cell = f[column].strip();
        if (cell.equalsIgnoreCase("inf")) {
            return OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        try {
            return OptionalDouble.of(Double.parseDouble(cell));
        } catch (final NumberFormatException e) {
            problems.add(
                    "gate table line %d, column %s: '%s' is not a number"
                            .formatted(line, header.get(column), cell));
            return OptionalDouble.empty();
        }
    }

    /** Where the columns are, and how bounds become quantiles. */
    private record Columns(int bin, int start, int end, int cells, Population fluorescence) {

        static Columns of(
                final List<String> header,
                final int line,
                final Population population,
                final List<String> problems) {
            final int bin = header.indexOf("bin");
            final int cells = header.indexOf("cells");
            int start = first(header, "start_quantile", "binstartq");
            int end = first(header, "end_quantile", "binendq");
            Population fluorescence = null;
            if (start < 0 && end < 0) {
                start = header.indexOf("start_fluorescence");
                end = header.indexOf("end_fluorescence");
                if (start >= 0 && end >= 0 && population == null) {
                    problems.add(
                            "gate table line %d: fluorescence gates need the unsorted population's log10 fluorescence mean and sd"
                                    .formatted(line));
                    return null;
                }
                fluorescence = population;
            }
            if (bin < 0 || cells < 0 || start < 0 || end < 0) {
                problems.add(
                        "gate table line %d: header is [%s] but needs bin, cells and either start_quantile/end_quantile (or binStartQ/binEndQ) or start_fluorescence/end_fluorescence"
                                .formatted(line, String.join(", ", header)));
                return null;
            }
            return new Columns(bin, start, end, cells, fluorescence);
        }

        private static int first(final List<String> header, final String a, final String b) {
            return header.indexOf(a) >= 0 ? header.indexOf(a) : header.indexOf(b);
        }

        double quantile(final double bound) {
            if (fluorescence == null) {
                return bound;
            }
            if (bound <= 0) {
                return 0;
            }
            if (bound == Double.POSITIVE_INFINITY) {
                return 1;
            }
            return Normal.cdf(
                    (Math.log10(bound) - fluorescence.log10Mean()) / fluorescence.log10Sd());
        }
    }
}
