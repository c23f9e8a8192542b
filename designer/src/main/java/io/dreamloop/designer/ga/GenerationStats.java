package io.dreamloop.designer.ga;

import java.util.Objects;

/**
 * What one generation of a run looked like, reported as it happens so that a benchmark can show how
 * far predictions move from the random start.
 *
 * <p>The objective is in prediction units: for {@code ga.vaishnav.*} the model's prediction (it
 * rises for high and falls for low), for {@code ga.nsga2.*} the disagreement in the run's favoured
 * direction ({@code A - B} or {@code B - A}, rising). Infeasible individuals, which are never
 * scored, are left out of the mean and the decile.
 *
 * @param method the design method, e.g. {@code ga.vaishnav.high}
 * @param run the restart, from 0
 * @param generation 0 for the random start, then 1 to the configured number
 * @param mean mean objective of the feasible individuals, NaN if there are none
 * @param topDecile mean objective of the best tenth of the feasible individuals (the highest tenth,
 *     or the lowest for {@code low}), NaN if there are none
 * @param feasible individuals meeting the library's constraints
 * @param scored sequences sent to the scorer in this generation
 * @param elapsedNanos wall time of this generation: variation, scoring and selection
 */
public record GenerationStats(
        String method,
        int run,
        int generation,
        double mean,
        double topDecile,
        int feasible,
        long scored,
        long elapsedNanos) {

    /**
     * @throws IllegalArgumentException when a count is negative
     */
    public GenerationStats {
        Objects.requireNonNull(method, "method");
        if (run < 0 || generation < 0 || feasible < 0 || scored < 0 || elapsedNanos < 0) {
            throw new IllegalArgumentException(
                    "counts must be >= 0, but were run=%d generation=%d feasible=%d scored=%d elapsedNanos=%d"
                            .formatted(run, generation, feasible, scored, elapsedNanos));
        }
    }
}
