package io.dreamloop.trainer.persistence;

import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Model versions, training runs and the champion the predictor serves; call inside a transaction.
 */
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

    /**
     * The champion the predictor serves now, whatever its origin, as the last champion
     * model-published said.
     */
    public Optional<ServedChampionEntity> served() {
        return Optional.ofNullable(
                database.em().find(ServedChampionEntity.class, ServedChampionEntity.SLOT));
    }

    /**
     * Records the champion the predictor now serves. A version of this registry becomes its
     * champion; any other version retires this registry's champion, which is then served no more.
     *
     * @param format the artifact's format, or null when its manifest could not be read
     */
    public void serve(
            final String version,
            final String architecture,
            final String artifactSha256,
            final String artifactUri,
            final String format,
            final ServedChampionEntity.Origin origin,
            final Instant publishedAt) {
        final Optional<ServedChampionEntity> before = served();
        final ServedChampionEntity served =
                before.orElseGet(() -> new ServedChampionEntity(ServedChampionEntity.SLOT));
        served.serve(
                version, architecture, artifactSha256, artifactUri, format, origin, publishedAt);
        if (before.isEmpty()) {
            database.em().persist(served);
        }
        final Optional<ModelVersionEntity> ours = version(version);
        champion().filter(c -> !c.version().equals(version)).ifPresent(ModelVersionEntity::retire);
        ours.ifPresent(ModelVersionEntity::crown);
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

    /**
     * The succeeded runs of a campaign cycle's ensemble, one per member (the newest if a member ran
     * more than once), in member order.
     */
    public List<TrainingRunEntity> campaignMembers(final String campaignId, final int cycle) {
        final Map<Integer, TrainingRunEntity> byMember = new TreeMap<>();
        for (final TrainingRunEntity r :
                database.em()
                        .createQuery(
                                "select r from TrainingRunEntity r where r.campaignId = :c and r.cycle = :y and r.state = 'SUCCEEDED' order by r.createdAt",
                                TrainingRunEntity.class)
                        .setParameter("c", campaignId)
                        .setParameter("y", cycle)
                        .getResultList()) {
            byMember.put(r.ensembleIndex(), r);
        }
        return List.copyOf(byMember.values());
    }

    /** The cycles of a campaign that have a succeeded run, ascending. */
    public List<Integer> campaignCycles(final String campaignId) {
        return database.em()
                .createQuery(
                        "select distinct r.cycle from TrainingRunEntity r where r.campaignId = :c and r.state = 'SUCCEEDED' order by r.cycle",
                        Integer.class)
                .setParameter("c", campaignId)
                .getResultList();
    }
}
