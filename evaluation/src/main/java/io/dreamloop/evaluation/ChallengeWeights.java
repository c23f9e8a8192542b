package io.dreamloop.evaluation;

import io.dreamloop.contracts.sequence.Subset;
import java.util.Objects;

/**
 * The DREAM Challenge 2022 subset weights (SPEC.md section 3, from the reference {@code
 * evaluation.py}).
 *
 * <table>
 *   <caption>Weights</caption>
 *   <tr><th>set</th><th>w</th></tr>
 *   <tr><td>all (every test sequence)</td><td>1</td></tr>
 *   <tr><td>high, low, native (yeast), random</td><td>0.3 each</td></tr>
 *   <tr><td>challenging</td><td>0.5</td></tr>
 *   <tr><td>SNV (pairs)</td><td>1.25</td></tr>
 *   <tr><td>motif perturbation (pairs)</td><td>0.3</td></tr>
 *   <tr><td>motif tiling (pairs)</td><td>0.4</td></tr>
 * </table>
 *
 * <p>The nine weights sum to {@link #TOTAL} = 4.65, the fixed denominator of both scores: {@code
 * Pearson score = Σ w·r² / 4.65}, {@code Spearman score = Σ w·ρ / 4.65}. "All" is part of the sum
 * with weight 1; it is not a {@link Subset} (a sequence belongs to it by being measured at all).
 */
public final class ChallengeWeights {

    /** The weight of "all": every measured sequence, single or a pair member. */
    public static final double ALL = 1.0;

    /** The denominator of both scores, as the reference writes it: the sum of all nine weights. */
    public static final double TOTAL = 4.65;

    private ChallengeWeights() {}

    /** The weight of one subset. */
    public static double of(final Subset subset) {
        return switch (Objects.requireNonNull(subset, "subset")) {
            case HIGH, LOW, NATIVE, RANDOM -> 0.3;
            case CHALLENGING -> 0.5;
            case SNV -> 1.25;
            case MOTIF_PERTURBATION -> 0.3;
            case MOTIF_TILING -> 0.4;
        };
    }
}
