package io.dreamloop.labingest.estimation;

/**
 * MAUDE's fit for one sequence.
 *
 * @param mean μ̂, the maximum-likelihood mean in population standard deviations, in [−4, 4]; NaN
 *     only when the likelihood was nowhere finite
 * @param logLikelihood log L(μ̂)
 */
public record MaudeFit(double mean, double logLikelihood) {}
