package io.dreamloop.evaluation;

import java.util.Objects;

/**
 * One correlation coefficient over {@code n} points, or the reason it is undefined.
 *
 * <p>An undefined correlation (fewer than two points, or one side constant) has value {@code NaN}
 * and a non-null {@code undefinedReason}; scipy returns {@code NaN} (with a warning) or raises in
 * the same cases.
 *
 * @param value the coefficient in [−1, 1], or {@code NaN} when undefined
 * @param n the number of points (pairs of values) it was computed over
 * @param undefinedReason why it is undefined, or {@code null} when it is defined
 */
public record Correlation(double value, int n, String undefinedReason) {

    /**
     * @throws IllegalArgumentException when {@code n} is negative, a defined value lies outside
     *     [−1, 1], or the value and the reason disagree about being defined
     */
    public Correlation {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, but was %d".formatted(n));
        }
        if (undefinedReason == null) {
            if (!(value >= -1.0 && value <= 1.0)) {
                throw new IllegalArgumentException(
                        "a defined correlation lies in [-1, 1], but was %s".formatted(value));
            }
        } else if (!Double.isNaN(value)) {
            throw new IllegalArgumentException(
                    "an undefined correlation has value NaN, but was %s".formatted(value));
        }
    }

    /** A defined coefficient. */
    public static Correlation of(final double value, final int n) {
        return new Correlation(value, n, null);
    }

    /** An undefined coefficient ({@code NaN}) with the reason. */
    public static Correlation undefined(final int n, final String reason) {
        return new Correlation(Double.NaN, n, Objects.requireNonNull(reason, "reason"));
    }

    /** True when the coefficient is a number. */
    public boolean defined() {
        return undefinedReason == null;
    }
}
