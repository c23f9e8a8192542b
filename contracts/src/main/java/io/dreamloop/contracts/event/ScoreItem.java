package io.dreamloop.contracts.event;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.Objects;

/**
 * One sequence to score.
 *
 * @param id caller's id, unique within the request
 * @param sequence the full sequence the model sees (flanks included)
 */
public record ScoreItem(String id, DnaSequence sequence) {
    public ScoreItem {
        Ids.require(id, "score item id");
        Objects.requireNonNull(sequence, "sequence");
    }
}
