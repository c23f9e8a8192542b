package io.dreamloop.designer.acquisition;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Chooses which candidates to measure next.
 *
 * {@snippet :
 * AcquisitionStrategy strategy = AcquisitionStrategy.named("uncertainty", 10);
 * List<Acquired> batch = strategy.choose(candidates, 500, new SplittableRandom(seed));
 * }
 */
public sealed interface AcquisitionStrategy
        permits RandomAcquisition, RankedAcquisition, DiverseUncertainty, MixedAcquisition {

    /** Half the batch at random, half by {@link DiverseUncertainty}. */
    String MIXED = "mixed";

    /** The strategies by name. */
    List<String> NAMES =
            List.of(
                    "random",
                    "uncertainty",
                    DiverseUncertainty.NAME,
                    MIXED,
                    "disagreement",
                    "exploit-high",
                    "exploit-low");

    /** The strategy's name, as campaigns and reports give it. */
    String name();

    /**
     * Chooses at most {@code budget} distinct candidates, each with its reason, best first.
     *
     * @param candidates the candidates, distinct sequences; their order breaks ties
     * @param budget how many to choose, {@code >= 1}
     * @param random the only source of randomness (random draws)
     * @throws IllegalArgumentException when the budget is below 1 or the candidates carry too few
     *     predictions for the strategy
     */
    List<Acquired> choose(List<Candidate> candidates, int budget, RandomGenerator random);

    /**
     * A strategy by name: {@code random}, {@code uncertainty}, {@code diverse-uncertainty}, {@code
     * mixed}, {@code disagreement}, {@code exploit-high} or {@code exploit-low}; the ranked ones
     * keep chosen sequences at least {@code minHamming} substitutions apart ({@code
     * diverse-uncertainty} spreads its batch in k-mer space instead).
     *
     * @throws IllegalArgumentException naming the known strategies
     */
    static AcquisitionStrategy named(final String name, final int minHamming) {
        final DiversityFilter diversity = new DiversityFilter(minHamming);
        return switch (name) {
            case "random" -> new RandomAcquisition();
            case "uncertainty" ->
                    new RankedAcquisition(RankedAcquisition.Criterion.UNCERTAINTY, diversity);
            case DiverseUncertainty.NAME -> DiverseUncertainty.defaults();
            case MIXED -> new MixedAcquisition(MIXED, DiverseUncertainty.defaults(), 0.5);
            case "disagreement" ->
                    new RankedAcquisition(RankedAcquisition.Criterion.DISAGREEMENT, diversity);
            case "exploit-high" ->
                    new RankedAcquisition(RankedAcquisition.Criterion.EXPLOIT_HIGH, diversity);
            case "exploit-low" ->
                    new RankedAcquisition(RankedAcquisition.Criterion.EXPLOIT_LOW, diversity);
            default ->
                    throw new IllegalArgumentException(
                            "unknown acquisition strategy '%s'; known: %s".formatted(name, NAMES));
        };
    }

    /** Checks a budget. */
    static void requireBudget(final int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1, but was " + budget);
        }
    }
}
