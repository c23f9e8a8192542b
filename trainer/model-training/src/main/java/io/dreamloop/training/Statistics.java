package io.dreamloop.training;

/** Validation statistics. */
final class Statistics {
    private Statistics() {}

    /** Pearson's r; NaN when either side is constant or there are fewer than 2 values. */
    static double pearson(final double[] a, final double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "need equal lengths, but got %d and %d".formatted(a.length, b.length));
        }
        final int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= n;
        meanB /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            final double da = a[i] - meanA;
            final double db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Mean squared difference. */
    static double mse(final double[] predicted, final double[] measured) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            final double d = predicted[i] - measured[i];
            sum += d * d;
        }
        return sum / predicted.length;
    }
}
