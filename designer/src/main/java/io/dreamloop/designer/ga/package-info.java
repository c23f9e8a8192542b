/**
 * Genetic-algorithm designs of variable regions, built on Jenetics parts and following its
 * Problem/Codec split: the fitness is written on {@link
 * io.dreamloop.contracts.sequence.DnaSequence}, {@link io.dreamloop.designer.ga.DnaCodecs} maps a
 * genotype of 80 {@code A/C/G/T} genes to it, and a {@link io.dreamloop.designer.ga.BatchEvaluator}
 * scores the new sequences of a whole generation in one call of a {@link
 * io.dreamloop.designer.ga.SequenceScorer}, because a model scores a batch far faster than one
 * sequence at a time.
 *
 * <p>Two designs:
 *
 * <ul>
 *   <li>{@link io.dreamloop.designer.ga.HighLowDesign}: the Vaishnav et al. 2022 GA (tournament
 *       selection from the offspring only) that pushes one model's prediction up or down;
 *   <li>{@link io.dreamloop.designer.ga.ChallengingDesign}: de Boer's NSGA-II (mu+lambda) GA that
 *       makes two models disagree, in both directions.
 * </ul>
 *
 * <p>A run starts from random oligos, as both references do, or from known sequences and their
 * mutants ({@link io.dreamloop.designer.ga.GaStart}), as a design-goal campaign starts from its
 * best measured.
 *
 * <p>The generation loop is our own ({@code GaRun}) rather than Jenetics' {@code Engine}: the
 * engine selects before it varies and cannot select from parents and offspring together, so neither
 * reference loop can be expressed with it exactly. Every random draw comes from the seed through
 * Jenetics' scoped {@code RandomRegistry}, on the calling thread, so a seed always gives the same
 * sequences.
 *
 * <p>Imports {@code designer.constraint} (what a designed sequence must satisfy) and {@code
 * io.dreamloop.designer.DesignerRelease} (provenance), never {@code designer.design}, which builds
 * on it.
 */
package io.dreamloop.designer.ga;
