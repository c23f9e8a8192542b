package io.dreamloop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sequences to score from a file, in the formats users have at hand:
 *
 * <ul>
 *   <li>FASTA ({@code >id} lines, sequence lines below, wrapped or not);
 *   <li>TSV with a header naming a {@code sequence} or {@code oligo} column and optionally an
 *       {@code id} column (the designer's library files have both);
 *   <li>TSV or plain text without a header: the first column is the sequence (the DREAM format,
 *       {@code sequence<TAB>expression}, reads as is), ids are line numbers.
 * </ul>
 *
 * Bases are checked by the predictor, which reports each bad sequence by id; here only the file's
 * shape is checked.
 */
final class SequenceInput {
    private SequenceInput() {}

    /**
     * @return id -> sequence, in file order
     * @throws IllegalArgumentException naming the file and line when the file cannot be read as
     *     sequences
     */
    static Map<String, String> read(final Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        final List<String> lines = Files.readAllLines(file);
        final Map<String, String> out =
                lines.stream().anyMatch(l -> l.startsWith(">"))
                        ? fasta(file, lines)
                        : table(file, lines);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("%s holds no sequences".formatted(file));
        }
        return out;
    }

    private static Map<String, String> fasta(final Path file, final List<String> lines) {
        final Map<String, StringBuilder> records = new LinkedHashMap<>();
        StringBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(">")) {
                final String id = line.substring(1).strip().split("\\s+", 2)[0];
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(
                            "%s line %d: a FASTA header without an id".formatted(file, i + 1));
                }
                if (records.containsKey(id)) {
                    throw new IllegalArgumentException(
                            "%s line %d: id '%s' appears twice".formatted(file, i + 1, id));
                }
                current = new StringBuilder();
                records.put(id, current);
            } else if (current == null) {
                throw new IllegalArgumentException(
                        "%s line %d: sequence before the first '>' header".formatted(file, i + 1));
            } else {
                current.append(line);
            }
        }
        final Map<String, String> out = new LinkedHashMap<>();
        records.forEach((id, s) -> out.put(id, s.toString()));
        return out;
    }

    private static Map<String, String> table(final Path file, final List<String> lines) {
        final Map<String, String> out = new LinkedHashMap<>();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            return out;
        }
        final List<String> header =
                List.of(lines.get(first).toLowerCase(Locale.ROOT).split("\t", -1));
        final int sequenceColumn =
                header.contains("oligo") ? header.indexOf("oligo") : header.indexOf("sequence");
        final boolean hasHeader = sequenceColumn >= 0;
        final int idColumn = hasHeader ? header.indexOf("id") : -1;
        final Set<String> seen = new HashSet<>();
        for (int i = hasHeader ? first + 1 : first; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            final String[] cells = lines.get(i).split("\t", -1);
            final int column = hasHeader ? sequenceColumn : 0;
            if (cells.length <= column || cells[column].isBlank()) {
                throw new IllegalArgumentException(
                        "%s line %d: no sequence in column %d".formatted(file, i + 1, column + 1));
            }
            final String id = idColumn >= 0 ? cells[idColumn].strip() : String.valueOf(i + 1);
            if (!seen.add(id)) {
                throw new IllegalArgumentException(
                        "%s line %d: id '%s' appears twice".formatted(file, i + 1, id));
            }
            out.put(id, cells[column].strip());
        }
        return out;
    }

    /** The entries in batches of at most {@code size}, in order. */
    static List<Map<String, String>> batches(final Map<String, String> all, final int size) {
        final List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> batch = new LinkedHashMap<>();
        for (final Map.Entry<String, String> e : all.entrySet()) {
            batch.put(e.getKey(), e.getValue());
            if (batch.size() == size) {
                out.add(batch);
                batch = new LinkedHashMap<>();
            }
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }
}
