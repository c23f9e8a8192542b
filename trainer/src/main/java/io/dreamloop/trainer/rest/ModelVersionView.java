package io.dreamloop.trainer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A registered model version as the API shows it.
 *
 * @param version the version
 * @param parentVersion what it was fine-tuned from, or null
 * @param architecture the architecture
 * @param configuration its configuration
 * @param recipe how it was trained
 * @param trainingData what it was trained on
 * @param metrics held-out scores per subset and the weighted scores
 * @param validationR held-out Pearson r over all rows
 * @param artifactSha256 the artifact's hash
 * @param artifactUri where the artifact is
 * @param champion whether it is the champion
 * @param trainingRun the run that made it
 * @param createdAt when
 */
public record ModelVersionView(
        String version,
        String parentVersion,
        String architecture,
        JsonNode configuration,
        JsonNode recipe,
        JsonNode trainingData,
        JsonNode metrics,
        double validationR,
        String artifactSha256,
        String artifactUri,
        boolean champion,
        String trainingRun,
        Instant createdAt) {

    static ModelVersionView of(final ModelVersionEntity v) {
        return new ModelVersionView(
                v.version(),
                v.parentVersion(),
                v.architecture(),
                tree(v.configuration()),
                tree(v.recipe()),
                tree(v.trainingData()),
                tree(v.metrics()),
                v.validationR(),
                v.artifactSha256(),
                v.artifactUri(),
                v.champion(),
                v.trainingRun(),
                v.createdAt());
    }

    private static JsonNode tree(final String json) {
        try {
            return EventCodec.instance().mapper().readTree(json);
        } catch (final IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }
}
