package io.dreamloop.designer.ga;

import java.util.Map;

/**
 * The parameters of a GA run, recorded with every designed sequence.
 *
 * @param populationSize individuals per generation, at least 2
 * @param generations rounds of variation, scoring and selection after the random start, at least 1
 * @param crossoverProbability chance that a consecutive pair (0,1), (2,3), ... is recombined by
 *     two-point crossover, in [0, 1]
 * @param mutationProbability chance that an individual is mutated at all, in [0, 1]
 * @param substitutionRate per-base chance, within a mutated individual, that the base is replaced
 *     by one of the three others, in [0, 1]
 * @param tournamentSize individuals per tournament, at least 2; only {@link HighLowDesign} uses it
 *     ({@link ChallengingDesign} selects by NSGA-II)
 * @param maxRuns independent restarts from a fresh random population that a design may use to find
 *     enough distinct sequences meeting the constraints, at least 1
 */
public record GaSettings(
        int populationSize,
        int generations,
        double crossoverProbability,
        double mutationProbability,
        double substitutionRate,
        int tournamentSize,
        int maxRuns) {

    /**
     * @throws IllegalArgumentException naming the first parameter out of range
     */
    public GaSettings {
        atLeast("populationSize", populationSize, 2);
        atLeast("generations", generations, 1);
        probability("crossoverProbability", crossoverProbability);
        probability("mutationProbability", mutationProbability);
        probability("substitutionRate", substitutionRate);
        atLeast("tournamentSize", tournamentSize, 2);
        atLeast("maxRuns", maxRuns, 1);
    }

    /**
     * Vaishnav et al. 2022 ({@code 1edv/evolution}, {@code ga.ipynb}): population 100,000, 10
     * generations, crossover 0.1 per pair, mutation 0.1 per individual at 0.025 per base,
     * tournaments of 3, one run.
     */
    public static GaSettings vaishnav() {
        return new GaSettings(100_000, 10, 0.1, 0.1, 0.025, 3, 1);
    }

    /**
     * de Boer's {@code GASeqDesign.py} defaults: population 100, 100 generations, crossover 0.1,
     * every offspring mutated at 0.02 per base; up to 1,000 restarts (his batches), since one run's
     * Pareto front holds at most 100 sequences.
     */
    public static GaSettings deBoer() {
        return new GaSettings(100, 100, 0.1, 1.0, 0.02, 3, 1_000);
    }

    /**
     * The Vaishnav rates at a population a CPU model scores in seconds per generation (2,000), with
     * up to 5 restarts to make up for the smaller population.
     */
    public static GaSettings cpu() {
        return new GaSettings(2_000, 10, 0.1, 0.1, 0.025, 3, 5);
    }

    /** These settings with another population size. */
    public GaSettings withPopulationSize(final int size) {
        return new GaSettings(
                size,
                generations,
                crossoverProbability,
                mutationProbability,
                substitutionRate,
                tournamentSize,
                maxRuns);
    }

    /** These settings with another number of generations. */
    public GaSettings withGenerations(final int count) {
        return new GaSettings(
                populationSize,
                count,
                crossoverProbability,
                mutationProbability,
                substitutionRate,
                tournamentSize,
                maxRuns);
    }

    /** The settings as text, for {@link io.dreamloop.contracts.event.DesignProvenance}. */
    public Map<String, String> asMap() {
        return Map.of(
                "populationSize", Integer.toString(populationSize),
                "generations", Integer.toString(generations),
                "crossoverProbability", Double.toString(crossoverProbability),
                "mutationProbability", Double.toString(mutationProbability),
                "substitutionRate", Double.toString(substitutionRate),
                "tournamentSize", Integer.toString(tournamentSize),
                "maxRuns", Integer.toString(maxRuns));
    }

    private static void atLeast(final String name, final int value, final int min) {
        if (value < min) {
            throw new IllegalArgumentException(
                    "%s must be >= %d, but was %d".formatted(name, min, value));
        }
    }

    private static void probability(final String name, final double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    "%s must be in [0, 1], but was %s".formatted(name, value));
        }
    }
}
