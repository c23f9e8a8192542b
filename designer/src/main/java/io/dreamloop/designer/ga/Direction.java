package io.dreamloop.designer.ga;

import io.dreamloop.contracts.sequence.Subset;
import io.jenetics.Optimize;
import java.util.Locale;

/** Which way a design pushes a model's prediction. */
public enum Direction {
    /** Maximise the prediction: the {@code high} subset. */
    HIGH(Optimize.MAXIMUM, Subset.HIGH),
    /** Minimise the prediction: the {@code low} subset. */
    LOW(Optimize.MINIMUM, Subset.LOW);

    private final Optimize optimize;
    private final Subset subset;

    Direction(final Optimize optimize, final Subset subset) {
        this.optimize = optimize;
        this.subset = subset;
    }

    /** The Jenetics optimisation direction. */
    public Optimize optimize() {
        return optimize;
    }

    /** The library subset a single-model design in this direction fills. */
    public Subset subset() {
        return subset;
    }

    /** {@code +1} for high, {@code -1} for low: multiply a prediction to maximise either way. */
    public double sign() {
        return this == HIGH ? 1 : -1;
    }

    /** The other direction. */
    public Direction opposite() {
        return this == HIGH ? LOW : HIGH;
    }

    /** Lower-case name used in method names, e.g. {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
