package io.dreamloop.designer.ga;

import io.jenetics.Alterer;
import io.jenetics.CharacterGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One run of a generational GA, written as DEAP's loops are: score a start (random, or {@link
 * GaStart from known sequences}), then per generation vary the population (consecutive pairs
 * crossed, individuals mutated), score the offspring in one call, and select the next population,
 * either from the offspring only (Vaishnav) or from parents and offspring together (de Boer's
 * (mu+lambda)).
 *
 * <p>Jenetics' {@code Engine} selects before it varies and draws survivors from the parents only,
 * so neither order can be expressed with it; the parts (codec, evaluator, alterers, selectors,
 * random registry) are Jenetics'. Everything runs on the calling thread with the given random
 * generator installed as Jenetics' scoped random, so a run is a function of its generator.
 *
 * @param <C> the fitness type
 */
final class GaRun<C extends Comparable<? super C>> {
    private final SequenceProblem<C> problem;
    private final GaSettings settings;
    private final Alterer<CharacterGene, C> alterer;
    private final Selector<CharacterGene, C> selector;
    private final boolean keepParents;

    private GaRun(
            final SequenceProblem<C> problem,
            final GaSettings settings,
            final Selector<CharacterGene, C> selector,
            final boolean keepParents) {
        this.problem = problem;
        this.settings = settings;
        // DEAP's varAnd: crossover of consecutive pairs, then mutation of each individual.
        this.alterer =
                new PairedTwoPointCrossover<C>(settings.crossoverProbability())
                        .andThen(
                                new BaseSubstitution<C>(
                                        settings.mutationProbability(),
                                        settings.substitutionRate()));
        this.selector = selector;
        this.keepParents = keepParents;
    }

    /** Each new population is selected from the scored offspring alone: no elitism. */
    static <C extends Comparable<? super C>> GaRun<C> offspringOnly(
            final SequenceProblem<C> problem,
            final GaSettings settings,
            final Selector<CharacterGene, C> selector) {
        return new GaRun<>(problem, settings, selector, false);
    }

    /** Each new population is selected from parents and offspring together: (mu+lambda). */
    static <C extends Comparable<? super C>> GaRun<C> parentsAndOffspring(
            final SequenceProblem<C> problem,
            final GaSettings settings,
            final Selector<CharacterGene, C> selector) {
        return new GaRun<>(problem, settings, selector, true);
    }

    /** Runs all generations from a random start. */
    ISeq<Phenotype<CharacterGene, C>> evolve(
            final RandomGenerator random,
            final String method,
            final int run,
            final Consumer<GenerationStats> listener) {
        return evolve(random, GaStart.RANDOM, method, run, listener);
    }

    /**
     * Runs all generations.
     *
     * @param random the only source of randomness of the run
     * @param start what the first population is made of
     * @param listener told after the start and after every generation
     * @return the final population, scored
     */
    ISeq<Phenotype<CharacterGene, C>> evolve(
            final RandomGenerator random,
            final GaStart start,
            final String method,
            final int run,
            final Consumer<GenerationStats> listener) {
        return RandomRegistry.with(random).call(() -> loop(start, method, run, listener));
    }

    private ISeq<Phenotype<CharacterGene, C>> loop(
            final GaStart first,
            final String method,
            final int run,
            final Consumer<GenerationStats> listener) {
        final BatchEvaluator<C> evaluator = new BatchEvaluator<>(problem);
        final Optimize optimize = problem.objective().optimize();
        final int size = settings.populationSize();
        long start = System.nanoTime();
        // The start, scored.
        ISeq<Phenotype<CharacterGene, C>> population =
                evaluator.eval(
                        first.genotypes(problem.codec(), size, RandomRegistry.random()).stream()
                                .map(genotype -> Phenotype.<CharacterGene, C>of(genotype, 0))
                                .collect(ISeq.toISeq()));
        listener.accept(stats(method, run, 0, population, evaluator.scored(), start));
        for (int generation = 1; generation <= settings.generations(); generation++) {
            start = System.nanoTime();
            final long scoredBefore = evaluator.scored();
            // Vary and score the offspring.
            final ISeq<Phenotype<CharacterGene, C>> offspring =
                    evaluator.eval(alterer.alter(population, generation).population());
            // Select the next population.
            population =
                    selector.select(
                            keepParents ? population.append(offspring) : offspring, size, optimize);
            listener.accept(
                    stats(
                            method,
                            run,
                            generation,
                            population,
                            evaluator.scored() - scoredBefore,
                            start));
        }
        return population;
    }

    private GenerationStats stats(
            final String method,
            final int run,
            final int generation,
            final ISeq<Phenotype<CharacterGene, C>> population,
            final long scored,
            final long start) {
        final Objective<C> objective = problem.objective();
        final double[] values =
                population.stream()
                        .mapToDouble(pt -> objective.value(pt.fitness()))
                        .filter(Double::isFinite)
                        .sorted()
                        .toArray();
        final int tenth = Math.max(1, (values.length + 9) / 10);
        final double top =
                objective.optimize() == Optimize.MAXIMUM
                        ? mean(values, values.length - tenth, values.length)
                        : mean(values, 0, tenth);
        return new GenerationStats(
                method,
                run,
                generation,
                mean(values, 0, values.length),
                values.length == 0 ? Double.NaN : top,
                values.length,
                scored,
                System.nanoTime() - start);
    }

    private static double mean(final double[] values, final int from, final int to) {
        return to <= from ? Double.NaN : Arrays.stream(values, from, to).average().orElseThrow();
    }
}
