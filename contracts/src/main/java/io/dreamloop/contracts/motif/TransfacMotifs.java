package io.dreamloop.contracts.motif;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads position frequency matrices in the TRANSFAC-style text that JASPAR exports.
 *
 * <p>Per motif: {@code AC} (accession), {@code ID} (name), optional {@code DE}/{@code CC}/{@code
 * XX} lines, a {@code PO} (or {@code P0}) header, then one line per position {@code pos A C G T}
 * (white-space separated counts), and {@code //} to close the motif. Lines with other tags are
 * skipped, so comments added by other exporters do not break parsing. Anything that looks like a
 * matrix row but is not one is an error naming the line, since a silently dropped row would shift
 * every later position of the motif.
 */
public final class TransfacMotifs {

    private TransfacMotifs() {}

    /**
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException on malformed input, naming the file and line
     */
    public static List<Motif> parse(final Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return parse(reader, file.toString());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read motifs from " + file, e);
        }
    }

    /**
     * @throws UncheckedIOException when the reader fails
     * @throws IllegalArgumentException on malformed input, naming the line
     */
    public static List<Motif> parse(final Reader reader) {
        Objects.requireNonNull(reader, "reader");
        try {
            return parse(reader, "input");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read motifs", e);
        }
    }

    private static List<Motif> parse(final Reader reader, final String source) throws IOException {
        final BufferedReader lines = new BufferedReader(reader);
        final List<Motif> motifs = new ArrayList<>();
        final Builder current = new Builder();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            final String where = "%s line %d".formatted(source, number);
            try {
                current.accept(line.strip(), motifs);
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "%s: %s (line: \"%s\")".formatted(where, e.getMessage(), line), e);
            }
        }
        if (current.hasContent()) {
            throw new IllegalArgumentException(
                    "%s line %d: motif %s is not closed by '//'"
                            .formatted(source, number, current.name));
        }
        return List.copyOf(motifs);
    }

    /** Collects the lines of one motif; reset after each {@code //}. */
    private static final class Builder {
        private String accession;
        private String name;
        private boolean inMatrix;
        private final List<double[]> rows = new ArrayList<>();

        void accept(final String line, final List<Motif> out) {
            if (line.isEmpty()) {
                return;
            }
            if (line.startsWith("//")) {
                out.add(build());
                reset();
            } else if (line.startsWith("AC")) {
                accession = value(line);
            } else if (line.startsWith("ID")) {
                name = value(line);
            } else if (line.startsWith("PO") || line.startsWith("P0")) {
                inMatrix = true;
            } else if (Character.isDigit(line.charAt(0))) {
                rows.add(row(line));
            } else {
                inMatrix = inMatrix && rows.isEmpty();
            }
        }

        boolean hasContent() {
            return accession != null || name != null || !rows.isEmpty();
        }

        private double[] row(final String line) {
            if (!inMatrix) {
                throw new IllegalArgumentException("matrix row outside a PO block");
            }
            final String[] fields = line.split("\\s+");
            if (fields.length != 5) {
                throw new IllegalArgumentException(
                        "matrix row needs a position and 4 counts, found %d fields"
                                .formatted(fields.length));
            }
            final double[] counts = new double[4];
            for (int b = 0; b < 4; b++) {
                try {
                    counts[b] = Double.parseDouble(fields[b + 1]);
                } catch (final NumberFormatException e) {
                    throw new IllegalArgumentException("not a number: '" + fields[b + 1] + "'");
                }
            }
            return counts;
        }

        private Motif build() {
            if (name == null || rows.isEmpty()) {
                throw new IllegalArgumentException("'//' closes a motif without an ID or matrix");
            }
            final String ac = accession == null ? name : accession;
            return new Motif(ac, name, rows.toArray(double[][]::new));
        }

        private void reset() {
            accession = null;
            name = null;
            inMatrix = false;
            rows.clear();
        }

        private static String value(final String line) {
            final String v = line.substring(2).strip();
            if (v.isEmpty()) {
                throw new IllegalArgumentException("empty " + line.substring(0, 2) + " field");
            }
            return v;
        }
    }
}
