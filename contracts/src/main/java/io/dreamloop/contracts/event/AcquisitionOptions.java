package io.dreamloop.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;

/**
 * Active-learning acquisition for a library's random subset: instead of taking random sequences as
 * drawn, draw {@code candidates} of them, score each with every model of the {@code ensemble}, and
 * keep the quota chosen by the {@code strategy}.
 *
 * @param strategy {@code random}, {@code uncertainty} (largest standard deviation across the
 *     ensemble), {@code disagreement} (largest difference of the first two models), {@code
 *     exploit-high} or {@code exploit-low} (extreme mean prediction)
 * @param ensemble model versions to score the candidates with; {@code uncertainty} and {@code
 *     disagreement} need at least two
 * @param candidates random candidates to draw in all, at least the quota; absent means ten times
 *     the quota
 * @param minHamming the smallest Hamming distance between two chosen sequences; absent means 10
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcquisitionOptions(
        String strategy,
        List<String> ensemble,
        @OptionalField Integer candidates,
        @OptionalField Integer minHamming) {

    /** The strategies by name. */
    public static final Set<String> STRATEGIES =
            Set.of(
                    "random",
                    "uncertainty",
                    "diverse-uncertainty",
                    "mixed",
                    "disagreement",
                    "exploit-high",
                    "exploit-low");

    /** Candidates per chosen sequence when not given. */
    public static final int DEFAULT_CANDIDATES_PER_CHOSEN = 10;

    /** The diversity constraint when not given. */
    public static final int DEFAULT_MIN_HAMMING = 10;

    /**
     * @throws IllegalArgumentException naming the first bad field
     */
    public AcquisitionOptions {
        if (strategy == null || !STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException(
                    "acquisition strategy must be one of %s, but was '%s'"
                            .formatted(STRATEGIES.stream().sorted().toList(), strategy));
        }
        ensemble = ensemble == null ? List.of() : List.copyOf(ensemble);
        ensemble.forEach(v -> Ids.require(v, "ensemble"));
        if (ensemble.stream().distinct().count() != ensemble.size()) {
            throw new IllegalArgumentException("ensemble lists a model twice: " + ensemble);
        }
        final int needed = Set.of("uncertainty", "disagreement").contains(strategy) ? 2 : 0;
        if (ensemble.size() < needed || (!strategy.equals("random") && ensemble.isEmpty())) {
            throw new IllegalArgumentException(
                    "acquisition strategy %s needs at least %d ensemble models, but got %s"
                            .formatted(strategy, Math.max(1, needed), ensemble));
        }
        if (candidates != null && candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, but was " + candidates);
        }
        if (minHamming != null && minHamming < 0) {
            throw new IllegalArgumentException("minHamming must be >= 0, but was " + minHamming);
        }
    }

    /** Candidates to draw for a quota of {@code count}. */
    public int candidatesFor(final int count) {
        return candidates != null
                ? candidates
                : Math.multiplyExact(count, DEFAULT_CANDIDATES_PER_CHOSEN);
    }

    /** The diversity constraint. */
    public int minHammingOrDefault() {
        return minHamming != null ? minHamming : DEFAULT_MIN_HAMMING;
    }
}
