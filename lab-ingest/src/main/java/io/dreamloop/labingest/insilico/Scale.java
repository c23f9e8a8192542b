package io.dreamloop.labingest.insilico;

/**
 * The mean and sample standard deviation of a population (sd 1 when it has no spread), which put
 * values on its z scale: the scale the simulated sorter gates on.
 *
 * @param mean the population's mean
 * @param sd the population's sample standard deviation, {@code > 0}
 */
public record Scale(double mean, double sd) {
    public Scale {
        if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException(
                    "a scale needs a finite mean and a finite sd > 0, but was %s and %s"
                            .formatted(mean, sd));
        }
    }

    /** The scale of these values. */
    public static Scale of(final double[] values) {
        double mean = 0;
        for (final double v : values) {
            mean += v / values.length;
        }
        double var = 0;
        for (final double v : values) {
            var += (v - mean) * (v - mean) / Math.max(1, values.length - 1);
        }
        return new Scale(mean, var > 0 ? Math.sqrt(var) : 1);
    }

    /** Values on their own z scale: mean 0, standard deviation 1 over them. */
    public static double[] standardized(final double[] values) {
        return of(values).z(values);
    }

    /** The values on this scale. */
    public double[] z(final double[] values) {
        final double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - mean) / sd;
        }
        return out;
    }
}
