package io.dreamloop.designer.ga;

import java.util.Locale;

/**
 * Fitness = an ensemble's confidence bound on a sequence's expression: the mean of the models'
 * predictions plus (high) or minus (low) kappa times their standard deviation, the upper and lower
 * confidence bounds of Bayesian optimisation with the ensemble's spread as its uncertainty.
 * Maximised for high, minimised for low ({@link DirectedObjective}).
 *
 * @param direction which bound, and which way it is pushed
 * @param kappa the weight of the spread, >= 0 (0: the ensemble mean, greedy)
 */
record ConfidenceBound(Direction direction, double kappa) implements DirectedObjective {

    ConfidenceBound {
        if (!(kappa >= 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa must be >= 0, but was " + kappa);
        }
    }

    /** How a design on {@code models} with {@code kappa} is named in provenance. */
    static String describe(final int models, final double kappa) {
        return String.format(Locale.ROOT, "ensemble of %d: mean %s %.2f sd", models, "+/-", kappa);
    }

    @Override
    public Double fitness(final double[] predictions) {
        double mean = 0;
        for (final double p : predictions) {
            mean += p / predictions.length;
        }
        double var = 0;
        for (final double p : predictions) {
            var += (p - mean) * (p - mean) / Math.max(1, predictions.length - 1);
        }
        return mean + direction.sign() * kappa * Math.sqrt(var);
    }
}
