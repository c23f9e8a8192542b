package io.dreamloop.contracts.event;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to score sequences; the predictor answers with {@link ScoresComputed} events carrying
 * the same correlation id and chunk positions.
 *
 * @param header the event header
 * @param correlationId ties the answer to this request
 * @param requestedBy the service or user that asked, for routing and accounting
 * @param modelVersion the model version to use; absent means the current champion
 * @param chunk this message's place among the messages of the request
 * @param items the sequences of this chunk
 */
public record ScoreRequested(
        EventHeader header,
        UUID correlationId,
        String requestedBy,
        @OptionalField String modelVersion,
        Chunk chunk,
        List<ScoreItem> items)
        implements Event {

    public ScoreRequested {
        EventTypes.check(header, ScoreRequested.class);
        Objects.requireNonNull(correlationId, "correlationId");
        Ids.require(requestedBy, "requestedBy");
        if (modelVersion != null) {
            Ids.require(modelVersion, "modelVersion");
        }
        Objects.requireNonNull(chunk, "chunk");
        items = Lists.nonEmptyCopy(items, "items");
        Lists.requireUnique(items, ScoreItem::id, "items");
    }

    @Override
    public String key() {
        return correlationId.toString();
    }
}
