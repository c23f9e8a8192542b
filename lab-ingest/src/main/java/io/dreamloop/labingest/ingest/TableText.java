package io.dreamloop.labingest.ingest;

import java.util.List;

/** What every uploaded table shares: its byte-order mark, and cells shown as they really are. */
final class TableText {
    /** The byte-order mark that Excel's "CSV UTF-8" export writes first. */
    private static final char BOM = '\uFEFF';

    private TableText() {}

    /** The line without a leading byte-order mark. */
    static String withoutBom(final String line) {
        return !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
    }

    /**
     * The cell quoted, with every character that does not show on screen written as a Java escape
     * ({@code '\u00a0b1'}), so two names that look alike show where they differ.
     */
    static String visible(final String cell) {
        final StringBuilder out = new StringBuilder("'");
        cell.codePoints()
                .forEach(
                        c -> {
                            if (c >= 0x20 && c < 0x7f) {
                                out.appendCodePoint(c);
                            } else if (c == '\t') {
                                out.append("\\t");
                            } else if (Character.isLetterOrDigit(c)) {
                                out.appendCodePoint(c);
                            } else {
                                out.append("\\u%04x".formatted(c));
                            }
                        });
        return out.append('\'').toString();
    }

    /**
     * Where a header's columns differ from the expected ones: the first that differs, both shown
     * visibly, or the missing or extra ones.
     */
    static String difference(
            final String what, final List<String> given, final List<String> expected) {
        for (int i = 0; i < Math.min(given.size(), expected.size()); i++) {
            if (!given.get(i).equals(expected.get(i))) {
                return "%s %d is %s where %s is expected"
                        .formatted(what, i + 1, visible(given.get(i)), visible(expected.get(i)));
            }
        }
        if (given.size() < expected.size()) {
            return "%s %s missing"
                    .formatted(
                            what,
                            String.join(", ", expected.subList(given.size(), expected.size())));
        }
        return "%d %s too many: %s"
                .formatted(
                        given.size() - expected.size(),
                        what,
                        String.join(", ", given.subList(expected.size(), given.size())));
    }
}
