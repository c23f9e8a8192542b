package io.dreamloop.designer.ga;

import io.jenetics.Optimize;

/**
 * Turns one sequence's model predictions into a Jenetics fitness, and back into a number people can
 * read.
 *
 * <p>Sequences that break the library's constraints are never scored: they get {@link
 * #infeasible()}, which ranks below every feasible fitness, so selection keeps the population in
 * the part of sequence space the library may contain (a death penalty). Filtering only at the end
 * would let a model that likes AT-rich sequences drive the whole population out of the GC range.
 *
 * @param <C> the fitness type
 */
public interface Objective<C extends Comparable<? super C>> {

    /**
     * @param predictions one sequence's predictions, one per model in the scorer's order
     */
    C fitness(double[] predictions);

    /** The fitness of a sequence that breaks the constraints; worse than any feasible one. */
    C infeasible();

    /** The direction in which {@link #fitness(double[])} is better. */
    Optimize optimize();

    /**
     * The fitness as one number in prediction units for statistics, better in the same direction as
     * the fitness; not finite for {@link #infeasible()}.
     */
    double value(C fitness);
}
