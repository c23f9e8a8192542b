package io.dreamloop.designer.design;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads user-supplied promoter FASTA strictly: anything malformed is an error naming the line,
 * because a silently dropped or altered base would shift every fragment taken from the record.
 *
 * <p>Accepted: a {@code >} header whose first word is the record name (unique in the file),
 * followed by one or more sequence lines of A, C, G, T, N in either case (lower case, the usual
 * soft-masking, is upper-cased); blank lines anywhere; Windows line ends. Rejected, with the line
 * number: sequence before the first header, a header without a name, a record without bases, a
 * repeated name, any other character in a sequence line (IUPAC ambiguity codes, gaps {@code -},
 * stops {@code *}, digits, inner spaces), and input with no record at all.
 */
public final class FastaReader {

    private FastaReader() {}

    /**
     * @throws UncheckedIOException when the file cannot be read
     * @throws MalformedFastaException naming the file and line
     */
    public static List<FastaRecord> read(final Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return read(reader, file.toString());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read FASTA from " + file, e);
        }
    }

    /**
     * @param source names the input in messages, e.g. the upload's file name
     * @throws UncheckedIOException when the reader fails
     * @throws MalformedFastaException naming the source and line
     */
    public static List<FastaRecord> read(final Reader reader, final String source) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        try {
            return parse(new BufferedReader(reader), source);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read FASTA from " + source, e);
        }
    }

    private static List<FastaRecord> parse(final BufferedReader lines, final String source)
            throws IOException {
        final List<FastaRecord> records = new ArrayList<>();
        final Map<String, Integer> firstLine = new HashMap<>();
        Header header = null;
        StringBuilder bases = null;
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            final String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith(">")) {
                if (header != null) {
                    records.add(record(source, header, bases));
                }
                header = header(text, source, number, firstLine);
                bases = new StringBuilder();
            } else if (header == null) {
                throw error(source, number, "sequence before the first '>' header");
            } else {
                appendBases(bases, text, source, number, header.name);
            }
        }
        if (header != null) {
            records.add(record(source, header, bases));
        }
        if (records.isEmpty()) {
            throw error(source, Math.max(number, 1), "no FASTA records (empty input)");
        }
        return List.copyOf(records);
    }

    /** A record's header line: its name, the rest of the line, and the line number. */
    private record Header(String name, String description, int line) {}

    /**
     * Parses the header on line {@code number} and records its name in {@code firstLine}.
     *
     * @throws MalformedFastaException when the name is missing or already used
     */
    private static Header header(
            final String text,
            final String source,
            final int number,
            final Map<String, Integer> firstLine) {
        final String header = text.substring(1).strip();
        if (header.isEmpty()) {
            throw error(source, number, "header without a record name");
        }
        final String[] words = header.split("\\s+", 2);
        final String name = words[0];
        final Integer earlier = firstLine.putIfAbsent(name, number);
        if (earlier != null) {
            throw error(
                    source,
                    number,
                    "duplicate record name '%s' (first at line %d)".formatted(name, earlier));
        }
        return new Header(name, words.length > 1 ? words[1] : "", number);
    }

    private static void appendBases(
            final StringBuilder bases,
            final String text,
            final String source,
            final int number,
            final String name) {
        final String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            if (DnaSequence.ALPHABET.indexOf(upper.charAt(i)) < 0) {
                throw error(
                        source,
                        number,
                        "invalid character '%s' at column %d in record '%s' (allowed: A, C, G, T, N in either case)"
                                .formatted(printable(text.charAt(i)), i + 1, name));
            }
        }
        bases.append(upper);
    }

    private static FastaRecord record(
            final String source, final Header header, final StringBuilder bases) {
        if (bases.isEmpty()) {
            throw error(source, header.line, "record '%s' has no sequence".formatted(header.name));
        }
        return new FastaRecord(header.name, header.description, bases.toString());
    }

    private static MalformedFastaException error(
            final String source, final int line, final String problem) {
        return new MalformedFastaException("%s line %d: %s".formatted(source, line, problem), line);
    }

    private static String printable(final char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? "\\u%04x".formatted((int) c)
                : String.valueOf(c);
    }
}
