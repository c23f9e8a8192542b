package io.dreamloop.evaluation;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading and checking the tab-separated files of this package; shared by the two readers. */
final class TsvLines {

    private TsvLines() {}

    /**
     * The lines of a UTF-8 file without line terminators ({@code \r\n} or {@code \n}), trailing
     * empty lines dropped.
     *
     * @throws InputFormatException when the file is not UTF-8 or is empty
     */
    static List<String> read(final Path path, final String source)
            throws IOException, InputFormatException {
        final List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (final MalformedInputException e) {
            throw new InputFormatException(source, 0, 0, null, "not a UTF-8 text file");
        }
        return trim(lines, source);
    }

    /** Drops trailing empty lines and {@code \r}; an empty file is an error. */
    static List<String> trim(final List<String> raw, final String source)
            throws InputFormatException {
        final List<String> lines = new ArrayList<>(raw.size());
        for (final String line : raw) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        if (lines.isEmpty()) {
            throw new InputFormatException(source, 0, 0, null, "empty file");
        }
        return lines;
    }

    /**
     * The fields of line {@code lineNumber}, exactly {@code header.length} of them.
     *
     * @throws InputFormatException naming the line when it is empty or has the wrong field count
     */
    static String[] split(
            final String line, final int lineNumber, final String source, final String[] header)
            throws InputFormatException {
        if (line.isEmpty()) {
            throw new InputFormatException(source, lineNumber, 0, null, "empty line");
        }
        final String[] fields = line.split("\t", -1);
        if (fields.length != header.length) {
            throw new InputFormatException(
                    source,
                    lineNumber,
                    0,
                    null,
                    "expected %d tab-separated columns (%s) but found %d"
                            .formatted(header.length, String.join(", ", header), fields.length));
        }
        return fields;
    }

    /**
     * A finite number.
     *
     * @throws InputFormatException naming line and column when the field is not a finite number
     */
    static double number(
            final String field,
            final int lineNumber,
            final int column,
            final String columnName,
            final String source)
            throws InputFormatException {
        final double value;
        try {
            value = Double.parseDouble(field);
        } catch (final NumberFormatException e) {
            throw new InputFormatException(
                    source,
                    lineNumber,
                    column,
                    columnName,
                    "'%s' is not a number".formatted(field));
        }
        // parseDouble accepts surrounding blanks, a trailing d/f, "NaN" and "Infinity".
        if (!Double.isFinite(value)
                || !field.strip().equals(field)
                || field.endsWith("d")
                || field.endsWith("D")
                || field.endsWith("f")
                || field.endsWith("F")) {
            throw new InputFormatException(
                    source,
                    lineNumber,
                    column,
                    columnName,
                    "'%s' is not a finite decimal number".formatted(field));
        }
        return value;
    }

    /**
     * A non-empty identifier without surrounding blanks.
     *
     * @throws InputFormatException naming line and column otherwise
     */
    static String id(
            final String field,
            final int lineNumber,
            final int column,
            final String columnName,
            final String source)
            throws InputFormatException {
        if (field.isEmpty()) {
            throw new InputFormatException(
                    source, lineNumber, column, columnName, "empty " + columnName);
        }
        if (!field.strip().equals(field)) {
            throw new InputFormatException(
                    source,
                    lineNumber,
                    column,
                    columnName,
                    "'%s' has leading or trailing blanks".formatted(field));
        }
        return field;
    }
}
