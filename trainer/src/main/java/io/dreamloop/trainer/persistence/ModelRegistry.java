package io.dreamloop.trainer.persistence;

import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Model versions and training runs; call inside a transaction. */
@ApplicationScoped
public class ModelRegistry {
    private final Database database;

    @Inject
    public ModelRegistry(final Database database) {
        this.database = database;
    }

    /** The current champion, if any version is. */
    public Optional<ModelVersionEntity> champion() {
        return database.em()
                .createQuery(
                        "select v from ModelVersionEntity v where v.champion = true",
                        ModelVersionEntity.class)
                .getResultStream()
                .findFirst();
    }

    /** Registers a version; a champion retires the previous one. */
    public void register(final ModelVersionEntity version) {
        if (version.champion()) {
            champion().ifPresent(ModelVersionEntity::retire);
        }
        database.em().persist(version);
    }

    /** Every version, newest first. */
    public List<ModelVersionEntity> versions() {
        return database.em()
                .createQuery(
                        "select v from ModelVersionEntity v order by v.createdAt desc",
                        ModelVersionEntity.class)
                .getResultList();
    }

    /** One version. */
    public Optional<ModelVersionEntity> version(final String version) {
        return Optional.ofNullable(database.em().find(ModelVersionEntity.class, version));
    }

    /** Starts recording a run. */
    public void add(final TrainingRunEntity run) {
        database.em().persist(run);
    }

    /** One run. */
    public Optional<TrainingRunEntity> run(final String runId) {
        return Optional.ofNullable(database.em().find(TrainingRunEntity.class, runId));
    }

    /** Every run, newest first. */
    public List<TrainingRunEntity> runs() {
        return database.em()
                .createQuery(
                        "select r from TrainingRunEntity r order by r.createdAt desc",
                        TrainingRunEntity.class)
                .getResultList();
    }

    /** Runs a crash left unfinished. */
    public List<TrainingRunEntity> unfinished() {
        return database.em()
                .createQuery(
                        "select r from TrainingRunEntity r where r.state in ('QUEUED', 'RUNNING')",
                        TrainingRunEntity.class)
                .getResultList();
    }

    /** Measurements seen by the newest run, or 0. */
    public long measurementsAtLastRun() {
        return database.em()
                .createQuery(
                        "select r.measurementsSeen from TrainingRunEntity r order by r.createdAt desc",
                        Long.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(0L);
    }

    /**
     * True when a campaign cycle's ensemble member has a run that is queued, running or succeeded
     * (failed and cancelled runs may be tried again).
     */
    public boolean hasCampaignRun(final String campaignId, final int cycle, final int index) {
        return database.em()
                        .createQuery(
                                "select count(r) from TrainingRunEntity r where r.campaignId = :c and r.cycle = :y and r.ensembleIndex = :i and r.state in ('QUEUED', 'RUNNING', 'SUCCEEDED')",
                                Long.class)
                        .setParameter("c", campaignId)
                        .setParameter("y", cycle)
                        .setParameter("i", index)
                        .getSingleResult()
                > 0;
    }
}
