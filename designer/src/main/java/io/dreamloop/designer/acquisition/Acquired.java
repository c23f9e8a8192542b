package io.dreamloop.designer.acquisition;

import java.util.Objects;

/**
 * A candidate chosen for measurement, and why.
 *
 * @param candidate the chosen candidate
 * @param strategy the strategy that chose it ({@link AcquisitionStrategy#name()})
 * @param rank its place in the batch, 1-based
 * @param score the strategy's score of it (NaN for random)
 * @param reason a sentence a scientist can read, e.g. "ensemble sd 1.42 (rank 3 of 5000)"
 */
public record Acquired(
        Candidate candidate, String strategy, int rank, double score, String reason) {

    /**
     * @throws IllegalArgumentException when the rank is below 1 or the reason is blank
     */
    public Acquired {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(strategy, "strategy");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, but was " + rank);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("every acquired sequence needs a reason");
        }
    }
}
