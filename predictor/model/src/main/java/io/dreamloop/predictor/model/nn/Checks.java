package io.dreamloop.predictor.model.nn;

/** Argument checks shared by the model configurations, with messages that name the field. */
final class Checks {
    private Checks() {}

    static void positive(final String name, final int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, but was " + value);
        }
    }

    /** Odd widths keep the length with symmetric "same" padding, as the reference models do. */
    static void oddPositive(final String name, final int value) {
        if (value < 1 || value % 2 == 0) {
            throw new IllegalArgumentException(
                    name + " must be odd and positive, but was " + value);
        }
    }

    static void dropoutRate(final String name, final float value) {
        if (!(value >= 0f && value < 1f)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), but was " + value);
        }
    }
}
