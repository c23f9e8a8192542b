package io.dreamloop.predictor.model.training;

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

/**
 * The DREAM 2022 training-file format: one row per line, {@code sequence<TAB>expression}, no
 * header, the sequence upper case with both adapters (~110 bp), the expression on the bin scale
 * (e.g. {@code demo_train.txt}). Blank lines are allowed only at the end of the file.
 */
public final class DreamFormat {
    private DreamFormat() {}

    /**
     * Reads every row of a DREAM-format file.
     *
     * @throws IllegalArgumentException naming the file and the first malformed line (1-based): not
     *     two tab-separated fields, an invalid or too short sequence, a value that is not a finite
     *     number, a blank line before the end
     * @throws IOException when the file cannot be read
     */
    public static List<TrainingExample> read(final Path file) throws IOException {
        final List<TrainingExample> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            int firstBlank = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    firstBlank = firstBlank == 0 ? lineNumber : firstBlank;
                    continue;
                }
                if (firstBlank != 0) {
                    throw malformed(file, firstBlank, "blank line before the end of the file");
                }
                rows.add(parse(file, lineNumber, line));
            }
        }
        return rows;
    }

    private static TrainingExample parse(final Path file, final int lineNumber, final String line) {
        final String[] fields = line.split("\t", -1);
        if (fields.length != 2) {
            throw malformed(
                    file,
                    lineNumber,
                    "expected 2 tab-separated fields (sequence, expression), but found "
                            + fields.length);
        }
        final DnaSequence sequence;
        try {
            sequence = DnaSequence.of(fields[0].strip());
        } catch (final InvalidSequenceException e) {
            throw malformed(file, lineNumber, e.getMessage());
        }
        SequenceEncoding.DREAM_2022
                .problem(sequence)
                .ifPresent(
                        p -> {
                            throw malformed(file, lineNumber, p);
                        });
        final double value;
        try {
            value = Double.parseDouble(fields[1].strip());
        } catch (final NumberFormatException e) {
            throw malformed(
                    file, lineNumber, "expression '%s' is not a number".formatted(fields[1]));
        }
        if (!Double.isFinite(value)) {
            throw malformed(file, lineNumber, "expression '%s' is not finite".formatted(fields[1]));
        }
        return new TrainingExample(sequence, value);
    }

    private static IllegalArgumentException malformed(
            final Path file, final int lineNumber, final String why) {
        return new IllegalArgumentException(
                "%s line %d: %s".formatted(file.getFileName(), lineNumber, why));
    }
}
