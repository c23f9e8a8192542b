package io.dreamloop.predictor.game;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * A {@code POST /predict} request that GAME's rules accept ({@link GameRequestReader} reads it).
 *
 * @param readout what is asked per sequence
 * @param tasks the prediction tasks, names unique
 * @param sequences id to bases as sent, in request order
 * @param upstream added before every sequence (empty when none)
 * @param downstream added after every sequence (empty when none)
 * @param ranges the part to predict, for the ids that name one; the whole sequence otherwise
 */
public record GameRequest(
        Readout readout,
        List<GameTask> tasks,
        SequencedMap<String, String> sequences,
        String upstream,
        String downstream,
        Map<String, PredictionRange> ranges) {
    public GameRequest {
        Objects.requireNonNull(readout, "readout");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(downstream, "downstream");
        tasks = List.copyOf(tasks);
        sequences = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(sequences));
        ranges = Map.copyOf(ranges);
        if (tasks.isEmpty() || sequences.isEmpty()) {
            throw new IllegalArgumentException("a GAME request needs tasks and sequences");
        }
        if (!sequences.keySet().containsAll(ranges.keySet())) {
            throw new IllegalArgumentException("every prediction range needs its sequence");
        }
    }
}
