package io.dreamloop.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads predictions: a UTF-8, tab-separated file with two columns, the key and the predicted value.
 *
 * <p>Two layouts are accepted, told apart by the first line:
 *
 * <ul>
 *   <li>with a header, {@code id<TAB>prediction} (keys are ids, any non-blank text without tabs) or
 *       {@code sequence<TAB>prediction} (keys are DNA sequences);
 *   <li>DREAM style, no header: every line {@code SEQUENCE<TAB>prediction}, as the challenge's test
 *       file {@code sequence<TAB>expression}; recognised when the first field of line 1 is a DNA
 *       sequence (letters A, C, G, T, N in either case).
 * </ul>
 *
 * <pre>
 * id        prediction
 * seq-1     0.42
 * seq-2     -1.3e-1
 * </pre>
 *
 * <p>Keys are matched to measurement ids exactly as written, so with sequence keys the measurements
 * file must use the same sequences as ids. Predictions are finite decimal numbers in any scale
 * (only correlations are computed). A key listed twice with the same value counts once; with
 * different values it is an error. Empty lines are allowed only at the end of the file. Every
 * malformed line is rejected with an {@link InputFormatException} naming the line and column.
 */
public final class PredictionsFile {

    private static final Pattern DNA = Pattern.compile("[ACGTNacgtn]+");
    private static final String PREDICTION = "prediction";

    private PredictionsFile() {}

    /**
     * Reads predictions, keyed by id or sequence, in file order.
     *
     * @throws IOException when the file cannot be read
     * @throws InputFormatException at the first malformed line
     */
    public static Map<String, Double> read(final Path path)
            throws IOException, InputFormatException {
        Objects.requireNonNull(path, "path");
        final String source = path.toString();
        return parse(source, TsvLines.read(path, source));
    }

    /** Parses the lines of a predictions file; {@code source} names it in errors. */
    static Map<String, Double> parse(final String source, final List<String> rawLines)
            throws InputFormatException {
        final List<String> lines = scoreOutput(TsvLines.trim(rawLines, source));
        final Layout layout = layout(source, lines.getFirst());
        final String[] header = layout.header();
        final int firstData = layout.firstData();
        final boolean sequences = header[0].equals("sequence");
        final Map<String, Double> predictions = new LinkedHashMap<>();
        final Map<String, Integer> firstLine = new HashMap<>();
        for (int i = firstData; i < lines.size(); i++) {
            final int lineNumber = i + 1;
            final String[] fields = TsvLines.split(lines.get(i), lineNumber, source, header);
            final String key = key(source, lineNumber, fields[0], header[0], sequences);
            final double value = TsvLines.number(fields[1], lineNumber, 2, PREDICTION, source);
            final Double before = predictions.putIfAbsent(key, value);
            if (before == null) {
                firstLine.put(key, lineNumber);
            } else if (before != value) {
                throw new InputFormatException(
                        source,
                        lineNumber,
                        2,
                        PREDICTION,
                        "%s '%s' predicted %s here but %s on line %d"
                                .formatted(
                                        header[0],
                                        abbreviate(key),
                                        fields[1],
                                        before,
                                        firstLine.get(key)));
            }
        }
        if (predictions.isEmpty()) {
            throw new InputFormatException(source, 0, 0, null, "no predictions after the header");
        }
        return Collections.unmodifiableMap(predictions);
    }

    /** The id or sequence of column 1; a sequence must be DNA. */
    private static String key(
            final String source,
            final int lineNumber,
            final String field,
            final String column,
            final boolean sequence)
            throws InputFormatException {
        final String key = TsvLines.id(field, lineNumber, 1, column, source);
        if (sequence && !DNA.matcher(key).matches()) {
            throw new InputFormatException(
                    source,
                    lineNumber,
                    1,
                    column,
                    "'%s' is not a DNA sequence (A, C, G, T, N)".formatted(abbreviate(key)));
        }
        return key;
    }

    /**
     * The columns of a predictions file and the index of its first data line.
     *
     * @param header the key column ({@code id} or {@code sequence}) and {@code prediction}
     * @param firstData 1 after a header line, 0 for DREAM-style lines without one
     */
    private record Layout(String[] header, int firstData) {}

    /** The layout its first line shows: a header, or DREAM-style data without one. */
    private static Layout layout(final String source, final String first)
            throws InputFormatException {
        if (first.equals("id\t" + PREDICTION) || first.equals("sequence\t" + PREDICTION)) {
            return new Layout(first.split("\t"), 1);
        }
        if (DNA.matcher(first.split("\t", -1)[0]).matches()) {
            return new Layout(new String[] {"sequence", PREDICTION}, 0);
        }
        throw new InputFormatException(
                source,
                1,
                0,
                null,
                ("expected the header 'id<TAB>prediction' or 'sequence<TAB>prediction', or"
                                + " DREAM-style lines 'SEQUENCE<TAB>prediction' without a"
                                + " header, but found '%s'")
                        .formatted(abbreviate(first)));
    }

    /** The header of {@code dreamloop score -o}'s table. */
    static final String SCORE_OUTPUT = "id\tsequence\tprediction\t";

    /**
     * {@code dreamloop score -o}'s table ({@code id, sequence, prediction, ..., error, ...}) as
     * {@code id<TAB>prediction} lines, without the sequences that could not be scored (an empty
     * prediction); any other file unchanged.
     */
    static List<String> scoreOutput(final List<String> lines) {
        if (!lines.getFirst().startsWith(SCORE_OUTPUT)) {
            return lines;
        }
        final List<String> out = new ArrayList<>();
        out.add("id\t" + PREDICTION);
        for (int i = 1; i < lines.size(); i++) {
            final String[] f = lines.get(i).split("\t", -1);
            if (f.length >= 3 && !f[2].isEmpty()) {
                out.add(f[0] + "\t" + f[2]);
            }
        }
        return out;
    }

    /** At most 60 characters, tabs shown as {@code <TAB>}. */
    private static String abbreviate(final String text) {
        final String shown = text.replace("\t", "<TAB>");
        return shown.length() <= 60 ? shown : shown.substring(0, 57) + "...";
    }
}
