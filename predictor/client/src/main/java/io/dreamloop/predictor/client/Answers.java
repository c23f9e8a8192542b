package io.dreamloop.predictor.client;

import io.dreamloop.contracts.event.ScoresComputed;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Collects the answers to one request: each chunk once, answers of other requests ignored (a
 * request that timed out earlier, or another instance sharing the reply partition).
 */
final class Answers {
    private final UUID correlation;
    private final int chunks;
    private final Set<Integer> answered = new HashSet<>();
    private final Set<String> versions = new HashSet<>();
    private final Map<String, Double> predictions;
    private final Map<String, String> errors = new HashMap<>();

    Answers(final UUID correlation, final int chunks, final int items) {
        this.correlation = correlation;
        this.chunks = chunks;
        this.predictions = LinkedHashMap.newLinkedHashMap(items);
    }

    /** Takes an answer; false when it belongs to another request or repeats a chunk. */
    boolean take(final ScoresComputed s) {
        if (!s.correlationId().equals(correlation) || !answered.add(s.chunk().index())) {
            return false;
        }
        versions.add(s.modelVersion());
        s.scores().forEach(x -> predictions.put(x.id(), x.prediction()));
        s.errors().forEach(x -> errors.put(x.id(), x.reason()));
        return true;
    }

    boolean complete() {
        return answered.size() >= chunks;
    }

    int chunks() {
        return chunks;
    }

    int answered() {
        return answered.size();
    }

    PredictorClient.Result result(final double seconds) {
        return new PredictorClient.Result(versions, predictions, errors, seconds);
    }
}
