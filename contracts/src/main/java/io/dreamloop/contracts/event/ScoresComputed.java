package io.dreamloop.contracts.event;

import java.util.ArrayList;
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
 * @param scores one result per item that could be scored
 * @param errors one error per item that could not be scored (absent or empty when none)
 */
public record ScoresComputed(
        EventHeader header,
        UUID correlationId,
        String modelVersion,
        Chunk chunk,
        List<ScoreResult> scores,
        @OptionalField List<ScoreError> errors)
        implements Event {

    public ScoresComputed {
        EventTypes.check(header, ScoresComputed.class);
        Objects.requireNonNull(correlationId, "correlationId");
        Ids.require(modelVersion, "modelVersion");
        Objects.requireNonNull(chunk, "chunk");
        errors = errors == null ? List.of() : List.copyOf(errors);
        scores = List.copyOf(Objects.requireNonNull(scores, "scores"));
        if (scores.isEmpty() && errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "a scores-computed event needs at least one score or error");
        }
        final List<String> ids = new ArrayList<>();
        scores.forEach(s -> ids.add(s.id()));
        errors.forEach(e -> ids.add(e.id()));
        Lists.requireUnique(ids, id -> id, "scores and errors");
    }

    @Override
    public String key() {
        return correlationId.toString();
    }
}
