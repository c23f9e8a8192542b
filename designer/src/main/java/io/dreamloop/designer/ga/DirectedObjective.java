package io.dreamloop.designer.ga;

import io.jenetics.Optimize;

/**
 * An objective on one number pushed in a {@link Direction}: maximised for high, minimised for low,
 * and infeasible sequences at the infinity of the wrong end.
 */
interface DirectedObjective extends Objective<Double> {

    /** Which way the number is pushed. */
    Direction direction();

    @Override
    default Double infeasible() {
        return direction() == Direction.HIGH ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override
    default Optimize optimize() {
        return direction().optimize();
    }

    @Override
    default double value(final Double fitness) {
        return fitness;
    }
}
