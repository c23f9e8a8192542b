package io.dreamloop.labingest.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads MAUDE's tab-separated bin table; kept out of {@link SortGates} to keep that one short. */
final class GateTableParser {

    private GateTableParser() {}

    static SortGates parse(final String text) {
        final String[] lines = text.strip().split("\\R");
        final List<String> header = Arrays.asList(lines[0].strip().split("\t"));
        final int name = column(header, "Bin");
        final int startQ = column(header, "binStartQ");
        final int endQ = column(header, "binEndQ");
        final int startZ = header.indexOf("binStartZ");
        final int endZ = header.indexOf("binEndZ");
        final List<SortGates.Bin> bins = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            final String[] f = lines[i].strip().split("\t");
            if (f.length < header.size()) {
                throw new IllegalArgumentException(
                        "gate table line %d has %d fields, but the header has %d"
                                .formatted(i + 1, f.length, header.size()));
            }
            try {
                final double qs = Double.parseDouble(f[startQ]);
                final double qe = Double.parseDouble(f[endQ]);
                bins.add(
                        startZ >= 0 && endZ >= 0
                                ? new SortGates.Bin(
                                        f[name],
                                        qs,
                                        qe,
                                        Double.parseDouble(f[startZ]),
                                        Double.parseDouble(f[endZ]))
                                : SortGates.Bin.of(f[name], qs, qe));
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "gate table line %d: %s".formatted(i + 1, e.getMessage()), e);
            }
        }
        return new SortGates(bins);
    }

    private static int column(final List<String> header, final String name) {
        final int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(
                    "gate table header needs column '%s', but was %s".formatted(name, header));
        }
        return i;
    }
}
