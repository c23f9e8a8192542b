package io.dreamloop.training;

import io.dreamloop.contracts.event.EstimationMethod;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.InvalidSequenceException;
import io.dreamloop.predictor.model.SequenceEncoding;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The DREAM 2022 training-file format: one row per line, {@code sequence<TAB>expression}, no
 * header, the sequence upper case with both adapters (~110 bp), the expression on the bin scale
 * (e.g. {@code demo_train.txt}). Blank lines are allowed only at the end of the file, so row {@code
 * i} (0-based) of a well-formed file is line {@code i + 1}.
 */
public final class DreamFormat {
    /**
     * How the expression of a DREAM-format row was estimated: the challenge's bin-weighted mean of
     * the cell's bins, on the bin-index scale (an integer when one cell was seen).
     */
    public static final EstimationMethod METHOD = EstimationMethod.BIN_WEIGHTED_MEAN;

    private DreamFormat() {}

    /**
     * One malformed line.
     *
     * @param line the line, 1-based
     * @param problem what is wrong with it
     */
    public record Problem(int line, String problem) {
        public Problem {
            if (line < 1) {
                throw new IllegalArgumentException("line must be at least 1, but was " + line);
            }
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String toString() {
            return "line %d: %s".formatted(line, problem);
        }
    }

    /**
     * A whole text checked line by line.
     *
     * @param rows the well-formed rows, in order
     * @param problems the first malformed lines, at most the limit given to {@link #check}
     * @param malformedLines how many lines are malformed in all
     */
    public record Checked(List<TrainingExample> rows, List<Problem> problems, int malformedLines) {
        public Checked {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
            if (malformedLines < problems.size()) {
                throw new IllegalArgumentException(
                        "malformedLines %d is below the %d problems listed"
                                .formatted(malformedLines, problems.size()));
            }
        }

        /** True when every line is well-formed. */
        public boolean wellFormed() {
            return malformedLines == 0;
        }
    }

    /**
     * Reads every row of a DREAM-format file.
     *
     * @throws IllegalArgumentException naming the file and the first malformed line (1-based): not
     *     two tab-separated fields, an invalid or too short sequence, a value that is not a finite
     *     number, a blank line before the end
     * @throws IOException when the file cannot be read
     */
    public static List<TrainingExample> read(final Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final Checked checked = check(in, 1);
            if (!checked.wellFormed()) {
                throw new IllegalArgumentException(
                        "%s %s".formatted(file.getFileName(), checked.problems().getFirst()));
            }
            return checked.rows();
        }
    }

    /**
     * Checks every line of a DREAM-format text (an upload, say) rather than stopping at the first
     * malformed one, so all of them can be reported at once.
     *
     * @param in the text; not closed
     * @param maxProblems how many malformed lines to describe (all are counted)
     * @throws IOException when the text cannot be read
     */
    public static Checked check(final BufferedReader in, final int maxProblems) throws IOException {
        if (maxProblems < 1) {
            throw new IllegalArgumentException(
                    "maxProblems must be at least 1, but was " + maxProblems);
        }
        final List<TrainingExample> rows = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        int malformed = 0;
        int lineNumber = 0;
        int firstBlank = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                firstBlank = firstBlank == 0 ? lineNumber : firstBlank;
                continue;
            }
            final List<Problem> found = new ArrayList<>(2);
            if (firstBlank != 0) {
                found.add(new Problem(firstBlank, "blank line before the end of the file"));
                firstBlank = 0;
            }
            try {
                rows.add(parse(line));
            } catch (final IllegalArgumentException e) {
                found.add(new Problem(lineNumber, e.getMessage()));
            }
            for (final Problem p : found) {
                malformed++;
                if (problems.size() < maxProblems) {
                    problems.add(p);
                }
            }
        }
        return new Checked(rows, problems, malformed);
    }

    /** One line, or an exception saying what is wrong with it. */
    private static TrainingExample parse(final String line) {
        final String[] fields = line.split("\t", -1);
        if (fields.length != 2) {
            throw new IllegalArgumentException(
                    "expected 2 tab-separated fields (sequence, expression), but found "
                            + fields.length);
        }
        final DnaSequence sequence;
        try {
            sequence = DnaSequence.of(fields[0].strip());
        } catch (final InvalidSequenceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        SequenceEncoding.DREAM_2022
                .problem(sequence)
                .ifPresent(
                        p -> {
                            throw new IllegalArgumentException(p);
                        });
        final double value;
        try {
            value = Double.parseDouble(fields[1].strip());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(
                    "expression '%s' is not a number".formatted(fields[1]), e);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    "expression '%s' is not finite".formatted(fields[1]));
        }
        return new TrainingExample(sequence, value);
    }
}
