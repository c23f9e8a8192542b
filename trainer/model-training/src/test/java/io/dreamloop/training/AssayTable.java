package io.dreamloop.training;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.InvalidSequenceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Measurements of another assay (e.g. Drosophila STARR-seq with developmental and housekeeping
 * activity, or a human MPRA): sequences of one fixed length, each with one value per named output.
 * Immutable.
 *
 * <p>The file format is a TSV with a header: {@code sequence<TAB>out1<TAB>out2...}; the first
 * column's name is free, the others name the outputs.
 */
public final class AssayTable {
    private final List<String> outputs;
    private final List<DnaSequence> sequences;
    private final double[][] values;

    private AssayTable(
            final List<String> outputs,
            final List<DnaSequence> sequences,
            final double[][] values) {
        this.outputs = outputs;
        this.sequences = sequences;
        this.values = values;
    }

    /**
     * A table from memory.
     *
     * @param outputs the output names, distinct, at least one
     * @param sequences the sequences, all of one length, at least one
     * @param values one row of {@code outputs.size()} finite values per sequence
     * @throws IllegalArgumentException naming the first problem
     */
    public static AssayTable of(
            final List<String> outputs,
            final List<DnaSequence> sequences,
            final List<double[]> values) {
        final List<String> names = checkOutputs(outputs);
        final List<DnaSequence> seqs = List.copyOf(sequences);
        if (seqs.isEmpty() || seqs.size() != values.size()) {
            throw new IllegalArgumentException(
                    "need at least one sequence and one value row per sequence, but got %d and %d"
                            .formatted(seqs.size(), values.size()));
        }
        final double[][] copy = new double[seqs.size()][];
        for (int i = 0; i < copy.length; i++) {
            final String problem =
                    rowProblem(seqs.get(0).length(), seqs.get(i), values.get(i), names.size());
            if (problem != null) {
                throw new IllegalArgumentException("row %d: %s".formatted(i, problem));
            }
            copy[i] = values.get(i).clone();
        }
        return new AssayTable(names, seqs, copy);
    }

    /**
     * Reads a TSV with a header ({@code sequence<TAB>out1<TAB>out2...}).
     *
     * @throws IllegalArgumentException naming the file and the first malformed line (1-based): a
     *     missing or duplicate output name, a wrong number of fields, an invalid sequence, a length
     *     other than the first row's, a value that is not a finite number, no rows
     * @throws IOException when the file cannot be read
     */
    public static AssayTable read(final Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw malformed(file, 1, "missing header 'sequence<TAB>output...'");
            }
            final String[] names = header.split("\t", -1);
            final List<String> outputs;
            try {
                outputs = checkOutputs(Arrays.asList(names).subList(1, names.length));
            } catch (final IllegalArgumentException e) {
                throw malformed(file, 1, e.getMessage());
            }
            final List<DnaSequence> sequences = new ArrayList<>();
            final List<double[]> rows = new ArrayList<>();
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                final String[] fields = line.split("\t", -1);
                if (fields.length != names.length) {
                    throw malformed(
                            file,
                            lineNumber,
                            "expected %d tab-separated fields, but found %d"
                                    .formatted(names.length, fields.length));
                }
                final DnaSequence sequence;
                try {
                    sequence = DnaSequence.of(fields[0].strip());
                } catch (final InvalidSequenceException e) {
                    throw malformed(file, lineNumber, e.getMessage());
                }
                final double[] row = new double[outputs.size()];
                for (int k = 0; k < row.length; k++) {
                    try {
                        row[k] = Double.parseDouble(fields[k + 1].strip());
                    } catch (final NumberFormatException e) {
                        throw malformed(
                                file,
                                lineNumber,
                                "%s '%s' is not a number".formatted(outputs.get(k), fields[k + 1]));
                    }
                }
                final int length =
                        sequences.isEmpty() ? sequence.length() : sequences.get(0).length();
                final String problem = rowProblem(length, sequence, row, outputs.size());
                if (problem != null) {
                    throw malformed(file, lineNumber, problem);
                }
                sequences.add(sequence);
                rows.add(row);
            }
            if (sequences.isEmpty()) {
                throw malformed(file, lineNumber, "no rows after the header");
            }
            return new AssayTable(outputs, List.copyOf(sequences), rows.toArray(double[][]::new));
        }
    }

    private static List<String> checkOutputs(final List<String> outputs) {
        final List<String> names = List.copyOf(Objects.requireNonNull(outputs, "outputs"));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("need at least one output column");
        }
        if (names.stream().anyMatch(String::isBlank)
                || new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException(
                    "output names must be non-blank and distinct, but were " + names);
        }
        return names;
    }

    private static String rowProblem(
            final int length, final DnaSequence sequence, final double[] row, final int outputs) {
        if (sequence.length() != length) {
            return "sequence of %d bases, but the table's sequences have %d (one fixed length)"
                    .formatted(sequence.length(), length);
        }
        if (row.length != outputs) {
            return "expected %d values, but found %d".formatted(outputs, row.length);
        }
        for (final double v : row) {
            if (!Double.isFinite(v)) {
                return "value " + v + " is not finite";
            }
        }
        return null;
    }

    private static IllegalArgumentException malformed(
            final Path file, final int lineNumber, final String why) {
        return new IllegalArgumentException(
                "%s line %d: %s".formatted(file.getFileName(), lineNumber, why));
    }

    /** The output names, in column order. */
    public List<String> outputs() {
        return outputs;
    }

    /** Rows. */
    public int size() {
        return sequences.size();
    }

    /** The sequence length shared by every row. */
    public int length() {
        return sequences.get(0).length();
    }

    /** Row {@code i}'s sequence. */
    public DnaSequence sequence(final int i) {
        return sequences.get(i);
    }

    /** The sequences, in row order. */
    public List<DnaSequence> sequences() {
        return sequences;
    }

    /** Row {@code i}'s value of output {@code k}. */
    public double value(final int i, final int k) {
        return values[i][k];
    }

    /** Output {@code k}'s values, in row order. */
    public double[] column(final int k) {
        final double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i][k];
        }
        return out;
    }

    /**
     * A seeded split into training and validation rows, each in the original order.
     *
     * @throws IllegalArgumentException when the fraction is not in (0, 1) or a part would be empty
     */
    public Split split(final double validationFraction, final long seed) {
        final int validation = Shuffle.validationSize(size(), validationFraction);
        final int[] order = Shuffle.permutation(size(), new SplittableRandom(seed));
        return new Split(
                pick(Arrays.copyOfRange(order, validation, order.length)),
                pick(Arrays.copyOf(order, validation)));
    }

    private AssayTable pick(final int[] rows) {
        Arrays.sort(rows);
        final List<DnaSequence> seqs = new ArrayList<>(rows.length);
        final double[][] vals = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            seqs.add(sequences.get(rows[i]));
            vals[i] = values[rows[i]];
        }
        return new AssayTable(outputs, List.copyOf(seqs), vals);
    }

    /**
     * A training / validation split.
     *
     * @param train the rows to train on
     * @param validation the rows held out
     */
    public record Split(AssayTable train, AssayTable validation) {}
}
