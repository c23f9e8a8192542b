package io.dreamloop.trainer.persistence;

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
     * The measurements whose stored sequence (the full measured oligo) is {@code bases}; when there
     * are none, those whose stored sequence contains it, so a designed variable region finds the
     * oligo it was measured in. Oldest first.
     *
     * @param bases a validated sequence (A, C, G, T, N only, so no LIKE wildcards)
     */
    public List<MeasurementEntity> of(final String bases) {
        final List<MeasurementEntity> exact =
                database.em()
                        .createQuery(
                                "select m from MeasurementEntity m where m.sequence = :s" + ORDER,
                                MeasurementEntity.class)
                        .setParameter("s", bases)
                        .getResultList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return database.em()
                .createQuery(
                        "select m from MeasurementEntity m where m.sequence like :s" + ORDER,
                        MeasurementEntity.class)
                .setParameter("s", "%" + bases + "%")
                .getResultList();
    }
}
