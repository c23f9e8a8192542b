package io.dreamloop.contracts.event;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The answer to one chunk of a {@link ScoreRequested}.
 *
 * @param header the event header
 * @param correlationId the request's correlation id
 * @param modelVersion the model version that produced every score in this event
 * @param chunk the chunk of the request this answers
 * @param scores one result per requested item
 */
public record ScoresComputed(
        EventHeader header,
        UUID correlationId,
        String modelVersion,
        Chunk chunk,
        List<ScoreResult> scores)
        implements Event {

    public ScoresComputed {
        EventTypes.check(header, ScoresComputed.class);
        Objects.requireNonNull(correlationId, "correlationId");
        Ids.require(modelVersion, "modelVersion");
        Objects.requireNonNull(chunk, "chunk");
        scores = Lists.nonEmptyCopy(scores, "scores");
        Lists.requireUnique(scores, ScoreResult::id, "scores");
    }

    @Override
    public String key() {
        return correlationId.toString();
    }
}
