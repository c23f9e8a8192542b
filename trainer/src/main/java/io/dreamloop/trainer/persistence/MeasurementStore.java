package io.dreamloop.trainer.persistence;

import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.platform.messaging.RejectedEventException;
import io.dreamloop.platform.persistence.Database;
import io.dreamloop.trainer.config.TrainerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The dataset of measurements; call inside a transaction. */
@ApplicationScoped
public class MeasurementStore {
    private static final int FLUSH_EVERY = 500;

    private final Database database;
    private final TrainerConfig config;

    @Inject
    public MeasurementStore(final Database database, final TrainerConfig config) {
        this.database = database;
        this.config = config;
    }

    /**
     * Adds the measurements of one chunk. A value already stored for the same run and member (a
     * re-sent chunk) is kept as it is.
     *
     * @return the number of new measurements
     * @throws RejectedEventException for a scale this trainer does not accept
     */
    public int add(final MeasurementsRecorded event) {
        requireAcceptedScale(event);
        final EntityManager em = database.em();
        int added = 0;
        for (final Measurement m : event.measurements()) {
            final MeasurementEntity.Key key =
                    new MeasurementEntity.Key(event.runId(), m.memberId(), event.method());
            if (em.find(MeasurementEntity.class, key) != null) {
                continue;
            }
            em.persist(entity(key, event, m));
            if (++added % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        recordChunk(event);
        return added;
    }

    private void requireAcceptedScale(final MeasurementsRecorded event) {
        if (!config.dataset().accepts(event.scale())) {
            throw new RejectedEventException(
                    "run %s is on scale '%s'; this trainer accepts %s"
                            .formatted(
                                    event.runId(),
                                    event.scale().wireName(),
                                    config.dataset().scales()));
        }
    }

    private static MeasurementEntity entity(
            final MeasurementEntity.Key key,
            final MeasurementsRecorded event,
            final Measurement m) {
        return new MeasurementEntity(
                        key,
                        event.libraryId(),
                        m.sequence().bases(),
                        m.value(),
                        event.scale().wireName(),
                        m.reads(),
                        m.singleton(),
                        String.join(",", m.qcFlags()),
                        event.header().eventId(),
                        m.subset() == null ? null : m.subset().wireName(),
                        m.pairId())
                .inCampaign(event.header().lineage().campaignId(), event.header().lineage().cycle())
                .withTruth(m.truth());
    }

    /** Notes that a chunk arrived, once (a re-sent chunk changes nothing). */
    private void recordChunk(final MeasurementsRecorded event) {
        database.em()
                .createNativeQuery(
                        "insert into measurement_chunk (run_id, method, chunk_index, chunk_count, campaign_id, cycle)"
                                + " select ?1, ?2, ?3, ?4, ?5, ?6 where not exists (select 1 from measurement_chunk"
                                + " where run_id = ?1 and method = ?2 and chunk_index = ?3)")
                .setParameter(1, event.runId())
                .setParameter(2, event.method())
                .setParameter(3, event.chunk().index())
                .setParameter(4, event.chunk().count())
                .setParameter(5, event.header().lineage().campaignId())
                .setParameter(6, event.header().lineage().cycle())
                .executeUpdate();
    }

    /** True once every chunk of a run's measurements by one method has arrived. */
    public boolean complete(final String runId, final String method) {
        final List<?> rows =
                database.em()
                        .createNativeQuery(
                                "select count(*), max(chunk_count) from measurement_chunk where run_id = ?1 and method = ?2")
                        .setParameter(1, runId)
                        .setParameter(2, method)
                        .getResultList();
        final Object[] r = (Object[]) rows.getFirst();
        return r[1] != null && ((Number) r[0]).longValue() == ((Number) r[1]).longValue();
    }

    /**
     * A campaign's cycle measurements on one scale and method: {@code [cycle, value, truth]} with
     * truth NaN where the lab did not know it, ordered by cycle.
     */
    public List<double[]> cycleValues(
            final String scale, final String method, final String campaignId) {
        return database
                .em()
                .createNativeQuery(
                        "select cycle, expression, truth from measurement where scale = ?1 and method = ?2"
                                + " and campaign_id = ?3 and cycle is not null order by cycle")
                .setParameter(1, scale)
                .setParameter(2, method)
                .setParameter(3, campaignId)
                .getResultList()
                .stream()
                .map(
                        row -> {
                            final Object[] r = (Object[]) row;
                            return new double[] {
                                ((Number) r[0]).doubleValue(),
                                ((Number) r[1]).doubleValue(),
                                r[2] == null ? Double.NaN : ((Number) r[2]).doubleValue()
                            };
                        })
                .toList();
    }

    /**
     * True once a campaign's test library is measured by one method: at least one run of it, and
     * every chunk of each of its runs arrived.
     */
    public boolean testLibraryMeasured(final String campaignId, final String method) {
        final List<?> rows =
                database.em()
                        .createNativeQuery(
                                "select run_id, count(*), max(chunk_count) from measurement_chunk"
                                        + " where campaign_id = ?1 and cycle is null and method = ?2 group by run_id")
                        .setParameter(1, campaignId)
                        .setParameter(2, method)
                        .getResultList();
        return !rows.isEmpty()
                && rows.stream()
                        .map(r -> (Object[]) r)
                        .allMatch(r -> ((Number) r[1]).longValue() == ((Number) r[2]).longValue());
    }

    /** The campaigns with a measured test library chunk on one method. */
    public List<String> campaignsWithTestLibrary(final String method) {
        return database.em()
                .createNativeQuery(
                        "select distinct campaign_id from measurement_chunk where campaign_id is not null and cycle is null and method = ?1",
                        String.class)
                .setParameter(1, method)
                .getResultList();
    }

    /** All measurements. */
    public long count() {
        return database.em()
                .createQuery("select count(m) from MeasurementEntity m", Long.class)
                .getSingleResult();
    }

    /**
     * The training data of one scale and method, ordered by run and member: of one campaign only
     * when {@code campaignId} is given (a campaign learns from its own measurements, so campaigns
     * compare), without the measurements that carry any of {@code excludedFlags} (lab QC flags such
     * as {@code low-reads}). Campaign test libraries are never training data.
     */
    public List<TrainingRow> trainingRows(
            final String scale,
            final String method,
            final String campaignId,
            final Set<String> excludedFlags) {
        return rows(
                scale,
                method,
                campaignId,
                training(campaignId) + " and not " + flagged(excludedFlags));
    }

    /** How many training measurements carry any of {@code flags}, and so are not trained on. */
    public long flaggedCount(
            final String scale,
            final String method,
            final String campaignId,
            final Set<String> flags) {
        final var query =
                database.em()
                        .createNativeQuery(
                                "select count(*) from measurement where scale = ?1 and method = ?2 and "
                                        + training(campaignId)
                                        + " and "
                                        + flagged(flags))
                        .setParameter(1, scale)
                        .setParameter(2, method);
        if (campaignId != null) {
            query.setParameter(3, campaignId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Training rows: never a campaign's test library; only the campaign's when one is named. */
    private static String training(final String campaignId) {
        return "(campaign_id is null or cycle is not null)"
                + (campaignId == null ? "" : " and campaign_id = ?3");
    }

    /**
     * A condition true when a row's comma-separated flags hold any of {@code flags}; flag names are
     * lab-ingest's vocabulary (letters and hyphens), checked before they enter the SQL.
     */
    private static String flagged(final Set<String> flags) {
        if (flags.isEmpty()) {
            return "(1 = 0)";
        }
        final List<String> any = new ArrayList<>();
        for (final String flag : new TreeSet<>(flags)) {
            if (!flag.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException(
                        "QC flag names are lower-case letters, digits and hyphens, but was '%s'"
                                .formatted(flag));
            }
            any.add("(',' || qc_flags || ',') like '%%,%s,%%'".formatted(flag));
        }
        return "(" + String.join(" or ", any) + ")";
    }

    /**
     * The measurements of a campaign's test library on one scale and method, with the in-silico
     * truth where the lab knew it; empty until the library is measured.
     */
    public List<TrainingRow> testLibraryRows(
            final String scale, final String method, final String campaignId) {
        return rows(scale, method, campaignId, "campaign_id = ?3 and cycle is null");
    }

    /** How many measurements of a campaign's test library there are on one scale and method. */
    public long testLibraryCount(final String scale, final String method, final String campaignId) {
        return ((Number)
                        database.em()
                                .createNativeQuery(
                                        "select count(*) from measurement where scale = ?1 and method = ?2"
                                                + " and campaign_id = ?3 and cycle is null")
                                .setParameter(1, scale)
                                .setParameter(2, method)
                                .setParameter(3, campaignId)
                                .getSingleResult())
                .longValue();
    }

    private List<TrainingRow> rows(
            final String scale, final String method, final String campaignId, final String where) {
        final List<TrainingRow> out = new ArrayList<>();
        final var query =
                database.em()
                        .createNativeQuery(
                                "select run_id, member_id, sequence, expression, subset, pair_id, truth from measurement"
                                        + " where scale = ?1 and method = ?2 and "
                                        + where
                                        + " order by run_id, member_id")
                        .setParameter(1, scale)
                        .setParameter(2, method);
        if (campaignId != null) {
            query.setParameter(3, campaignId);
        }
        for (final Object row : query.getResultList()) {
            final Object[] r = (Object[]) row;
            out.add(
                    new TrainingRow(
                            (String) r[0] + "/" + r[1],
                            (String) r[2],
                            ((Number) r[3]).doubleValue(),
                            (String) r[4],
                            r[5] == null ? null : r[0] + "/" + r[5],
                            r[6] == null ? null : ((Number) r[6]).doubleValue()));
        }
        return out;
    }

    /** Measurement counts per scale and method. */
    public List<DatasetSlice> slices() {
        return database
                .em()
                .createQuery(
                        "select m.scale, m.key.method, count(m), count(distinct m.key.runId) from MeasurementEntity m group by m.scale, m.key.method order by m.scale, m.key.method",
                        Object[].class)
                .getResultList()
                .stream()
                .map(r -> new DatasetSlice((String) r[0], (String) r[1], (Long) r[2], (Long) r[3]))
                .toList();
    }
}
