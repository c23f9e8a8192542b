package io.dreamloop.predictor.game;

/**
 * The part of a sequence (with its flanks) to predict: 0-based, both ends inclusive, as GAME
 * defines it ({@code [0, 1]} is the first two bases).
 *
 * @param start first index
 * @param end last index, not before {@code start}
 */
public record PredictionRange(int start, int end) {
    public PredictionRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "a prediction range needs 0 <= start <= end, not [%d, %d]"
                            .formatted(start, end));
        }
    }

    /** Whether the range lies within a sequence of this many bases. */
    boolean fits(final int length) {
        return end < length;
    }

    /** The bases of the range. */
    String of(final String bases) {
        return bases.substring(start, end + 1);
    }
}
