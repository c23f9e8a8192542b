package io.dreamloop.contracts.event;

/**
 * The prediction for one sequence.
 *
 * @param id the id from the request
 * @param prediction expected expression (for DREAM models: expected bin index, 0..17)
 */
public record ScoreResult(String id, double prediction) {
    public ScoreResult {
        Ids.require(id, "score result id");
        if (!Double.isFinite(prediction)) {
            throw new IllegalArgumentException(
                    "prediction for '%s' is not finite: %s".formatted(id, prediction));
        }
    }
}
