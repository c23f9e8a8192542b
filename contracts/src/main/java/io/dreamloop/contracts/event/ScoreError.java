package io.dreamloop.contracts.event;

import java.util.Objects;

/**
 * A requested sequence that could not be scored; the rest of the request is scored.
 *
 * @param id the id from the request
 * @param reason what is wrong with it
 */
public record ScoreError(String id, String reason) {
    public ScoreError {
        Ids.require(id, "score error id");
        Objects.requireNonNull(reason, "reason");
    }
}
