package io.dreamloop.predictor.rest;

import io.dreamloop.predictor.persistence.ModelVersionEntity;
import java.time.Instant;

/**
 * A registered model version.
 *
 * @param modelVersion the version
 * @param architecture its architecture
 * @param parentVersion the version it was fine-tuned from, if any
 * @param artifactSha256 the artifact's hash
 * @param artifactUri where the artifact is
 * @param champion whether it is the default for scoring
 * @param publishedAt when the trainer published it
 */
public record ModelView(
        String modelVersion,
        String architecture,
        String parentVersion,
        String artifactSha256,
        String artifactUri,
        boolean champion,
        Instant publishedAt) {

    static ModelView of(final ModelVersionEntity e) {
        return new ModelView(
                e.modelVersion(),
                e.architecture(),
                e.parentVersion(),
                e.artifactSha256(),
                e.artifactUri(),
                e.champion(),
                e.publishedAt());
    }
}
