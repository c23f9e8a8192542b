package io.dreamloop.training;

import java.util.SplittableRandom;

/** Seeded permutations for splits and epoch orders. */
final class Shuffle {
    private Shuffle() {}

    /** A uniformly random permutation of {@code 0 .. n-1} (Fisher-Yates). */
    static int[] permutation(final int n, final SplittableRandom random) {
        final int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /**
     * Validation rows of a split.
     *
     * @throws IllegalArgumentException when the fraction is not in (0, 1) or a part would be empty
     */
    static int validationSize(final int rows, final double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "validation fraction must be in (0, 1), but was " + fraction);
        }
        final int validation = (int) Math.round(rows * fraction);
        if (validation < 1 || validation >= rows) {
            throw new IllegalArgumentException(
                    "a %s validation split of %d rows leaves an empty part"
                            .formatted(fraction, rows));
        }
        return validation;
    }
}
