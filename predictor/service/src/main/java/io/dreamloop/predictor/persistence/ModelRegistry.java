package io.dreamloop.predictor.persistence;

import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.platform.messaging.RejectedEventException;
import io.dreamloop.platform.persistence.Database;
import io.dreamloop.predictor.config.PredictorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The model versions the predictor can serve; call inside a transaction. */
@ApplicationScoped
public class ModelRegistry {
    private final Database database;
    private final PredictorConfig config;

    @Inject
    public ModelRegistry(final Database database, final PredictorConfig config) {
        this.database = database;
        this.config = config;
    }

    /**
     * Registers a published version; a champion replaces the previous champion.
     *
     * @throws RejectedEventException for an architecture this predictor cannot serve, or a version
     *     already registered with another artifact
     */
    public void register(final ModelPublished event) {
        if (!config.registry().architectures().contains(event.architecture())) {
            throw new RejectedEventException(
                    "model %s has architecture '%s'; this predictor serves %s"
                            .formatted(
                                    event.modelVersion(),
                                    event.architecture(),
                                    config.registry().architectures()));
        }
        final EntityManager em = database.em();
        final ModelVersionEntity existing = em.find(ModelVersionEntity.class, event.modelVersion());
        if (existing != null) {
            if (!existing.artifactSha256().equals(event.artifactSha256())) {
                throw new RejectedEventException(
                        "model %s is already registered with artifact %s, not %s"
                                .formatted(
                                        event.modelVersion(),
                                        existing.artifactSha256(),
                                        event.artifactSha256()));
            }
            return;
        }
        final ModelVersionEntity version =
                new ModelVersionEntity(
                        event.modelVersion(),
                        event.architecture(),
                        event.parentVersion(),
                        event.artifactSha256(),
                        event.artifactUri(),
                        event.header().eventId(),
                        event.header().occurredAt());
        if (event.champion()) {
            champion().ifPresent(previous -> previous.champion(false));
            version.champion(true);
        }
        em.persist(version);
    }

    public Optional<ModelVersionEntity> find(final String version) {
        return Optional.ofNullable(database.em().find(ModelVersionEntity.class, version));
    }

    public Optional<ModelVersionEntity> champion() {
        return database.em()
                .createQuery(
                        "select m from ModelVersionEntity m where m.champion = true",
                        ModelVersionEntity.class)
                .getResultStream()
                .findFirst();
    }

    public List<ModelVersionEntity> all() {
        return database.em()
                .createQuery(
                        "select m from ModelVersionEntity m order by m.publishedAt desc",
                        ModelVersionEntity.class)
                .getResultList();
    }
}
