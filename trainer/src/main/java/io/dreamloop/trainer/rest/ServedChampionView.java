package io.dreamloop.trainer.rest;

import io.dreamloop.trainer.persistence.ServedChampionEntity;
import java.time.Instant;
import java.util.Locale;

/**
 * The champion the predictor serves, as the trainer learnt it from model-published: what a new
 * version is compared with.
 *
 * @param version its version
 * @param architecture its architecture
 * @param artifactSha256 its artifact's hash (the trainer loads it from the model store by it)
 * @param artifactUri where its artifact is
 * @param format {@code torchscript} or {@code djl}; absent when the trainer cannot read its
 *     manifest
 * @param origin {@code trained}, {@code imported} or {@code other}
 * @param description how a run's reason names it, e.g. {@code TorchScript import}
 * @param publishedAt when its model-published event was created
 * @param recordedAt when the trainer learnt of it
 */
public record ServedChampionView(
        String version,
        String architecture,
        String artifactSha256,
        String artifactUri,
        String format,
        String origin,
        String description,
        Instant publishedAt,
        Instant recordedAt) {

    static ServedChampionView of(final ServedChampionEntity s) {
        return new ServedChampionView(
                s.modelVersion(),
                s.architecture(),
                s.artifactSha256(),
                s.artifactUri(),
                s.format(),
                s.origin().name().toLowerCase(Locale.ROOT),
                s.description(),
                s.publishedAt(),
                s.recordedAt());
    }
}
