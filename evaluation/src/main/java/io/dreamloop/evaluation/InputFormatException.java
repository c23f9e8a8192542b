package io.dreamloop.evaluation;

/**
 * A predictions or measurements file that does not follow its format, with where: the file, the
 * 1-based line and the 1-based column (and its name).
 *
 * <p>The message reads {@code "m.tsv line 7, column 5 (measured): 'abc' is not a number"}; {@link
 * #column()} is 0 when the problem concerns the whole line, and {@link #line()} is 0 when it
 * concerns the whole file.
 */
public final class InputFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String columnName;
    private final String detail;

    /**
     * @param source the file name as the user gave it
     * @param line 1-based line number, or 0 for the whole file
     * @param column 1-based column number, or 0 for the whole line
     * @param columnName the column's header name, or {@code null}
     * @param detail what is wrong, e.g. {@code "'abc' is not a number"}
     */
    public InputFormatException(
            final String source,
            final int line,
            final int column,
            final String columnName,
            final String detail) {
        super(format(source, line, column, columnName, detail));
        this.source = source;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
        this.detail = detail;
    }

    /** The file name as the user gave it. */
    public String source() {
        return source;
    }

    /** The 1-based line number; 0 for the whole file. */
    public int line() {
        return line;
    }

    /** The 1-based column number; 0 for the whole line. */
    public int column() {
        return column;
    }

    /** The column's header name, or {@code null}. */
    public String columnName() {
        return columnName;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }

    private static String format(
            final String source,
            final int line,
            final int column,
            final String columnName,
            final String detail) {
        final StringBuilder where = new StringBuilder(source);
        if (line > 0) {
            where.append(" line ").append(line);
            if (column > 0) {
                where.append(", column ").append(column);
                if (columnName != null) {
                    where.append(" (").append(columnName).append(')');
                }
            }
        }
        return where + ": " + detail;
    }
}
