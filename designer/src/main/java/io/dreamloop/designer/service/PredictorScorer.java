package io.dreamloop.designer.service;

import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.designer.ga.SequenceScorer;
import io.dreamloop.predictor.client.PredictorClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores variable regions, wrapped in the library's flanks, with one or more model versions through
 * the predictor over Kafka: one request per model per call, so a GA generation costs one round trip
 * per model. The versions that answered are kept for provenance (a request for the champion learns
 * which version that was).
 */
public final class PredictorScorer implements SequenceScorer {
    private final PredictorClient client;
    private final Flanks flanks;
    private final List<String> versions;
    private final int requestSize;
    private final Duration timeout;
    private final Set<String> answered = new LinkedHashSet<>();

    /**
     * @param versions model versions in output order; a null entry means the champion
     */
    public PredictorScorer(
            final PredictorClient client,
            final Flanks flanks,
            final List<String> versions,
            final int requestSize,
            final Duration timeout) {
        this.client = client;
        this.flanks = flanks;
        this.versions = Collections.unmodifiableList(new ArrayList<>(versions));
        this.requestSize = requestSize;
        this.timeout = timeout;
    }

    @Override
    public double[][] score(final List<DnaSequence> variableRegions) {
        final List<ScoreItem> items = new ArrayList<>(variableRegions.size());
        for (int i = 0; i < variableRegions.size(); i++) {
            items.add(new ScoreItem("s" + i, flanks.wrap(variableRegions.get(i))));
        }
        final double[][] out = new double[versions.size()][variableRegions.size()];
        for (int m = 0; m < versions.size(); m++) {
            final PredictorClient.Result result =
                    client.score(items, versions.get(m), requestSize, timeout);
            if (!result.errors().isEmpty()) {
                final Map.Entry<String, String> first =
                        result.errors().entrySet().iterator().next();
                throw new IllegalStateException(
                        "the predictor could not score %d sequences with model %s, e.g. %s: %s"
                                .formatted(
                                        result.errors().size(),
                                        versions.get(m) == null ? "champion" : versions.get(m),
                                        first.getKey(),
                                        first.getValue()));
            }
            answered.addAll(result.modelVersions());
            for (int i = 0; i < items.size(); i++) {
                out[m][i] = result.predictions().get(items.get(i).id());
            }
        }
        return out;
    }

    /** Model versions that answered so far. */
    public Set<String> answeredVersions() {
        return Collections.unmodifiableSet(answered);
    }
}
