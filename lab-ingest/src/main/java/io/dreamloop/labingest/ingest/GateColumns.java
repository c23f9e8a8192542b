package io.dreamloop.labingest.ingest;

import io.dreamloop.contracts.stats.Normal;
import java.util.List;

/**
 * Where a gate table's columns are, and how its bounds become quantiles.
 *
 * @param bin the bin name's column
 * @param start the lower bound's column
 * @param end the upper bound's column
 * @param cells the cell count's column, or -1 when the table has none (MAUDE's bin table)
 * @param startZ MAUDE's {@code binStartZ} column, or -1
 * @param endZ MAUDE's {@code binEndZ} column, or -1
 * @param fluorescence the population for fluorescence bounds, or null for quantile bounds
 */
record GateColumns(
        int bin,
        int start,
        int end,
        int cells,
        int startZ,
        int endZ,
        GateTableReader.Population fluorescence) {

    /**
     * The columns of a (lower-cased) header, or null after adding the problem.
     *
     * @param cellsRequired whether the table must count the cells sorted into each bin
     */
    static GateColumns of(
            final List<String> header,
            final int line,
            final GateTableReader.Population population,
            final boolean cellsRequired,
            final List<String> problems) {
        final int bin = header.indexOf("bin");
        final int cells = header.indexOf("cells");
        int start = first(header, "start_quantile", "binstartq");
        int end = first(header, "end_quantile", "binendq");
        GateTableReader.Population fluorescence = null;
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
        if (bin < 0 || (cellsRequired && cells < 0) || start < 0 || end < 0) {
            problems.add(
                    "gate table line %d: header is [%s] but needs bin, cells and either start_quantile/end_quantile (or binStartQ/binEndQ) or start_fluorescence/end_fluorescence"
                            .formatted(line, String.join(", ", header)));
            return null;
        }
        final int startZ = header.indexOf("binstartz");
        final int endZ = header.indexOf("binendz");
        return new GateColumns(bin, start, end, cells, startZ, endZ, fluorescence);
    }

    private static int first(final List<String> header, final String a, final String b) {
        return header.indexOf(a) >= 0 ? header.indexOf(a) : header.indexOf(b);
    }

    /** True when the table gives z bounds of its own (MAUDE's {@code binStartZ, binEndZ}). */
    boolean hasZ() {
        return startZ >= 0 && endZ >= 0 && fluorescence == null;
    }

    /** A bound as a population quantile: q = Φ((log10 F − mean) / sd) for fluorescence. */
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
        return Normal.cdf((Math.log10(bound) - fluorescence.log10Mean()) / fluorescence.log10Sd());
    }
}
