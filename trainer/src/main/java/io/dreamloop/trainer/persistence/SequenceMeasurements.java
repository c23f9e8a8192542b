package io.dreamloop.trainer.persistence;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Measurements of one sequence; call inside a transaction. */
@ApplicationScoped
public class SequenceMeasurements {
    private static final String ORDER = " order by m.recordedAt, m.key.runId, m.key.memberId";

    private final Database database;

    @Inject
    public SequenceMeasurements(final Database database) {
        this.database = database;
    }

    /**
     * The measurements whose stored sequence (the full measured oligo) is {@code bases}, or, when
     * there are none, the oligo of a DREAM 2022 variable region {@code bases}, so a designed
     * variable region finds the oligo it was measured in. Oldest first.
     *
     * @param bases a validated sequence (A, C, G, T, N only)
     */
    public List<MeasurementEntity> of(final String bases) {
        final List<MeasurementEntity> exact = equalTo(bases);
        if (!exact.isEmpty()) {
            return exact;
        }
        return equalTo(Flanks.DREAM_2022.wrap(DnaSequence.of(bases)).bases());
    }

    /**
     * The first {@code limit} measurements whose stored sequence contains {@code bases}, oldest
     * first, and how many there are in all.
     *
     * @param bases a validated sequence (A, C, G, T, N only, so no LIKE wildcards)
     */
    public Page containing(final String bases, final int limit) {
        final String pattern = "%" + bases + "%";
        final List<MeasurementEntity> first =
                database.em()
                        .createQuery(
                                "select m from MeasurementEntity m where m.sequence like :s"
                                        + ORDER,
                                MeasurementEntity.class)
                        .setParameter("s", pattern)
                        .setMaxResults(limit)
                        .getResultList();
        final long total =
                database.em()
                        .createQuery(
                                "select count(m) from MeasurementEntity m where m.sequence like :s",
                                Long.class)
                        .setParameter("s", pattern)
                        .getSingleResult();
        return new Page(first, total);
    }

    /**
     * Some of the measurements that match.
     *
     * @param measurements the ones listed
     * @param total how many match in all
     */
    public record Page(List<MeasurementEntity> measurements, long total) {}

    private List<MeasurementEntity> equalTo(final String bases) {
        return database.em()
                .createQuery(
                        "select m from MeasurementEntity m where m.sequence = :s" + ORDER,
                        MeasurementEntity.class)
                .setParameter("s", bases)
                .getResultList();
    }
}
