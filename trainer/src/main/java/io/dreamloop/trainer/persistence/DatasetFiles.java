package io.dreamloop.trainer.persistence;

import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Uploaded DREAM-format files and their rows as measurements; call inside a transaction. */
@ApplicationScoped
public class DatasetFiles {
    private static final int FLUSH_EVERY = 500;

    private final Database database;

    @Inject
    public DatasetFiles(final Database database) {
        this.database = database;
    }

    /** A file already added, by its id. */
    public Optional<DatasetFileEntity> find(final String fileId) {
        return Optional.ofNullable(database.em().find(DatasetFileEntity.class, fileId));
    }

    /**
     * Records a file and stores its rows as measurements of run and library {@code file.fileId()},
     * member = the row's line number (1-based), with no reads, QC flags, subset, pair or campaign.
     *
     * @param rows the rows in file order, as {@code (sequence, value, singleton)}
     * @param scale the expression scale's wire name
     * @param method the estimation method
     * @param eventId stands in for the event id every measurement carries: derived from the content
     */
    public void add(
            final DatasetFileEntity file,
            final List<Row> rows,
            final String scale,
            final String method,
            final UUID eventId) {
        final EntityManager em = database.em();
        em.persist(file);
        for (int i = 0; i < rows.size(); i++) {
            final Row r = rows.get(i);
            em.persist(
                    new MeasurementEntity(
                            new MeasurementEntity.Key(
                                    file.fileId(), Integer.toString(i + 1), method),
                            file.fileId(),
                            r.sequence(),
                            r.value(),
                            scale,
                            0,
                            r.singleton(),
                            "",
                            eventId,
                            null,
                            null));
            if ((i + 1) % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
    }

    /**
     * One row of a file.
     *
     * @param sequence the full measured sequence
     * @param value the expression
     * @param singleton whether the value is a single cell's bin
     */
    public record Row(String sequence, double value, boolean singleton) {
        public Row {
            Objects.requireNonNull(sequence, "sequence");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite, but was " + value);
            }
        }
    }
}
