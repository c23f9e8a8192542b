package io.dreamloop.training;

import io.dreamloop.predictor.model.SequenceEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * DREAM training rows, immutable, with the reference's training augmentation: every row is used on
 * both strands, as itself (is_reverse 0) and as the reverse complement of its padded sequence
 * (is_reverse 1), so an epoch has {@code 2 * size()} training examples (SPEC §1.3, {@code
 * add_rev}). Example {@code e} is row {@code e / 2} on the reverse strand when {@code e} is odd.
 */
public final class DreamDataset {
    /** Training examples per row: forward and reverse complement. */
    public static final int STRANDS = 2;

    private final List<TrainingExample> rows;

    private DreamDataset(final List<TrainingExample> rows) {
        this.rows = rows;
    }

    /**
     * The rows, in order.
     *
     * @throws IllegalArgumentException naming the first row (0-based) that cannot be padded
     */
    public static DreamDataset of(final List<TrainingExample> rows) {
        final List<TrainingExample> copy = List.copyOf(Objects.requireNonNull(rows, "rows"));
        for (int i = 0; i < copy.size(); i++) {
            final int row = i;
            SequenceEncoding.DREAM_2022
                    .problem(copy.get(i).sequence())
                    .ifPresent(
                            p -> {
                                throw new IllegalArgumentException("row %d: %s".formatted(row, p));
                            });
        }
        return new DreamDataset(copy);
    }

    /**
     * The rows of a DREAM-format file ({@link DreamFormat}).
     *
     * @throws IllegalArgumentException naming the first malformed line
     */
    public static DreamDataset read(final Path file) throws IOException {
        return new DreamDataset(List.copyOf(DreamFormat.read(file)));
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** The rows, in order. */
    public List<TrainingExample> rows() {
        return rows;
    }

    /** Row {@code i}. */
    public TrainingExample row(final int i) {
        return rows.get(i);
    }

    /** Training examples per epoch: every row on both strands. */
    public int trainingExamples() {
        return STRANDS * rows.size();
    }

    /** The measured values, in row order. */
    public double[] values() {
        final double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).value();
        }
        return out;
    }

    /**
     * {@code n} rows drawn without replacement by a seeded shuffle, in their original order.
     *
     * @throws IllegalArgumentException when {@code n} is negative or above {@link #size()}
     */
    public DreamDataset sample(final int n, final long seed) {
        if (n < 0 || n > rows.size()) {
            throw new IllegalArgumentException(
                    "sample size must be in [0, %d], but was %d".formatted(rows.size(), n));
        }
        final int[] order = Shuffle.permutation(rows.size(), new SplittableRandom(seed));
        return new DreamDataset(pick(Arrays.copyOf(order, n)));
    }

    /**
     * A seeded split into training and validation rows (each keeps the original order): {@code
     * round(size * validationFraction)} rows, chosen by a shuffle with {@code seed}, validate.
     *
     * @throws IllegalArgumentException when the fraction is not in (0, 1) or a part would be empty
     */
    public Split split(final double validationFraction, final long seed) {
        final int validation = Shuffle.validationSize(rows.size(), validationFraction);
        final int[] order = Shuffle.permutation(rows.size(), new SplittableRandom(seed));
        return new Split(
                new DreamDataset(pick(Arrays.copyOfRange(order, validation, order.length))),
                new DreamDataset(pick(Arrays.copyOf(order, validation))));
    }

    private List<TrainingExample> pick(final int[] indices) {
        Arrays.sort(indices);
        final List<TrainingExample> out = new ArrayList<>(indices.length);
        for (final int i : indices) {
            out.add(rows.get(i));
        }
        return List.copyOf(out);
    }

    /**
     * Encodes training example {@code e} (row {@code e / 2}, reverse when odd) as the reference
     * data processor does: input {@code (6, 150)} into {@code x[xOffset ..]} (N as zeros,
     * is_singleton from the value) and the 18 soft-bin probabilities into {@code y[yOffset ..]}.
     * The input range of {@code x} must be zero on entry.
     */
    void encodeTraining(
            final SequenceEncoding encoding,
            final int example,
            final float[] x,
            final int xOffset,
            final float[] y,
            final int yOffset) {
        final TrainingExample row = rows.get(example / STRANDS);
        encoding.encodeTrainingInto(
                row.sequence(), example % STRANDS == 1, row.singleton(), x, xOffset);
        SoftTargets.into(row.value(), y, yOffset);
    }

    /**
     * A training / validation split.
     *
     * @param train the rows to train on
     * @param validation the rows held out to select the best epoch
     */
    public record Split(DreamDataset train, DreamDataset validation) {}
}
