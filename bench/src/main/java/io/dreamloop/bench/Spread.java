package io.dreamloop.bench;

/**
 * Mean and sample standard deviation of a number over seeds (or runs).
 *
 * @param mean the mean, NaN when there are no values
 * @param sd the sample standard deviation (n - 1), 0 for one value
 * @param n how many values
 */
record Spread(double mean, double sd, int n) {
    static Spread of(final double[] values) {
        final int n = values.length;
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, 0);
        }
        double sum = 0;
        for (final double v : values) {
            sum += v;
        }
        final double mean = sum / n;
        double squares = 0;
        for (final double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Spread(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
    }

    static String difference(final Spread a, final Spread b) {
        return a.n == 0 || b.n == 0 ? "-" : "%+.4f".formatted(a.mean - b.mean);
    }

    @Override
    public String toString() {
        return n == 0 ? "-" : "%.4f (%.4f)".formatted(mean, sd);
    }
}
