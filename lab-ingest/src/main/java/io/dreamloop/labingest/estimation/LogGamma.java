package io.dreamloop.labingest.estimation;

/**
 * log Γ(x) for {@code x > 0}, by the Lanczos approximation (g = 7, 9 terms; relative error about
 * 1e-15), with the reflection formula below 1/2. MAUDE's negative-binomial likelihood needs it for
 * sizes in the millions, where Γ itself overflows.
 */
public final class LogGamma {

    private static final double G = 7;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double[] COEFFICIENTS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    private LogGamma() {}

    /**
     * log Γ(x).
     *
     * @param x a positive number
     * @return log Γ(x)
     * @throws IllegalArgumentException when {@code x <= 0} or NaN
     */
    public static double of(final double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("log-gamma needs x > 0, but was " + x);
        }
        if (x < 0.5) {
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - of(1 - x);
        }
        final double y = x - 1;
        double sum = COEFFICIENTS[0];
        for (int i = 1; i < COEFFICIENTS.length; i++) {
            sum += COEFFICIENTS[i] / (y + i);
        }
        final double t = y + G + 0.5;
        return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
