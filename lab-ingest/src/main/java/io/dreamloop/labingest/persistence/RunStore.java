package io.dreamloop.labingest.persistence;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.platform.messaging.RejectedEventException;
import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sort-seq runs as received, chunk by chunk, and the measurements estimated from them; call inside
 * a transaction. Bulk rows are written with plain SQL, which both databases accept.
 */
@ApplicationScoped
public class RunStore {
    private final Database database;
    private final EventCodec codec = EventCodec.instance();

    @Inject
    public RunStore(final Database database) {
        this.database = database;
    }

    /**
     * Stores one chunk of counts as received.
     *
     * @return true if the chunk was new (a re-sent chunk changes nothing)
     * @throws RejectedEventException for an unknown library, members not in the library, or a chunk
     *     that contradicts the run's earlier chunks
     */
    public boolean storeChunk(final SortSeqRunSubmitted event) {
        final EntityManager em = database.em();
        final LibraryEntity library = em.find(LibraryEntity.class, event.libraryId());
        if (library == null) {
            throw new RejectedEventException(
                    "run %s names unknown library '%s'"
                            .formatted(event.runId(), event.libraryId()));
        }
        final String gates =
                new String(
                        codec.toJsonBytes(event.gates()), java.nio.charset.StandardCharsets.UTF_8);
        final SortSeqRunEntity run = em.find(SortSeqRunEntity.class, event.runId());
        if (run == null) {
            em.persist(
                    new SortSeqRunEntity(
                            event.runId(),
                            event.libraryId(),
                            gates,
                            new String(
                                    codec.toJsonBytes(event.cellsPerBin()),
                                    java.nio.charset.StandardCharsets.UTF_8),
                            event.chunk().count()));
            em.flush();
        } else if (!run.libraryId().equals(event.libraryId())
                || run.chunkCount() != event.chunk().count()
                || !run.gates().equals(gates)) {
            throw new RejectedEventException(
                    "chunk %d of run %s contradicts its earlier chunks (library, gates or chunk count differ)"
                            .formatted(event.chunk().index(), event.runId()));
        }
        final long seen =
                ((Number)
                                em.createNativeQuery(
                                                "select count(*) from sortseq_chunk where run_id = ?1 and chunk_index = ?2")
                                        .setParameter(1, event.runId())
                                        .setParameter(2, event.chunk().index())
                                        .getSingleResult())
                        .longValue();
        if (seen > 0) {
            return false;
        }
        requireMembersOf(em, event);
        em.createNativeQuery(
                        "insert into sortseq_chunk (run_id, chunk_index, event_id) values (?1, ?2, ?3)")
                .setParameter(1, event.runId())
                .setParameter(2, event.chunk().index())
                .setParameter(3, event.header().eventId())
                .executeUpdate();
        for (final SequenceCounts c : event.counts()) {
            em.createNativeQuery(
                            "insert into sortseq_count (run_id, member_id, unsorted_reads, bin_reads) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, event.runId())
                    .setParameter(2, c.memberId())
                    .setParameter(3, c.unsortedReads())
                    .setParameter(4, join(c.binReads()))
                    .executeUpdate();
        }
        return true;
    }

    /** The run, once every chunk is stored and it is not yet estimated. */
    public java.util.Optional<SortSeqRunEntity> readyToEstimate(final String runId) {
        final EntityManager em = database.em();
        final SortSeqRunEntity run = em.find(SortSeqRunEntity.class, runId);
        if (run == null || run.isEstimated()) {
            return java.util.Optional.empty();
        }
        final long chunks =
                ((Number)
                                em.createNativeQuery(
                                                "select count(*) from sortseq_chunk where run_id = ?1")
                                        .setParameter(1, runId)
                                        .getSingleResult())
                        .longValue();
        return chunks == run.chunkCount() ? java.util.Optional.of(run) : java.util.Optional.empty();
    }

    /** The run's gates as received. */
    public List<BinGate> gates(final SortSeqRunEntity run) {
        try {
            return Arrays.asList(codec.mapper().readValue(run.gates(), BinGate[].class));
        } catch (final java.io.IOException e) {
            throw new IllegalStateException(
                    "stored gates of run " + run.runId() + " are unreadable", e);
        }
    }

    /** Every member's counts, ordered by member id. */
    public List<SequenceCounts> counts(final String runId) {
        final List<SequenceCounts> out = new ArrayList<>();
        for (final Object row :
                database.em()
                        .createNativeQuery(
                                "select member_id, unsorted_reads, bin_reads from sortseq_count where run_id = ?1 order by member_id")
                        .setParameter(1, runId)
                        .getResultList()) {
            final Object[] r = (Object[]) row;
            final List<Long> bins =
                    Arrays.stream(((String) r[2]).split(",")).map(Long::valueOf).toList();
            out.add(new SequenceCounts((String) r[0], ((Number) r[1]).longValue(), bins));
        }
        return out;
    }

    /** Full oligos (flanks included) of the given members of a library. */
    public Map<String, String> oligos(final String libraryId) {
        final Map<String, String> out = new LinkedHashMap<>();
        for (final Object row :
                database.em()
                        .createNativeQuery(
                                "select m.member_id, l.upstream || m.variable || l.downstream from library_member m join library l on l.library_id = m.library_id where m.library_id = ?1")
                        .setParameter(1, libraryId)
                        .getResultList()) {
            final Object[] r = (Object[]) row;
            out.put((String) r[0], (String) r[1]);
        }
        return out;
    }

    /** Stores the estimates of one method. */
    public void saveMeasurements(
            final String runId, final String method, final List<Measurement> measurements) {
        final EntityManager em = database.em();
        for (final Measurement m : measurements) {
            em.createNativeQuery(
                            "insert into measurement (run_id, member_id, method, expression, reads, singleton, qc_flags) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, runId)
                    .setParameter(2, m.memberId())
                    .setParameter(3, method)
                    .setParameter(4, m.value())
                    .setParameter(5, m.reads())
                    .setParameter(6, m.singleton())
                    .setParameter(7, String.join(",", m.qcFlags()))
                    .executeUpdate();
        }
    }

    /** Number of stored measurements of a run per method. */
    public Map<String, Long> measurementCounts(final String runId) {
        final Map<String, Long> out = new LinkedHashMap<>();
        for (final Object row :
                database.em()
                        .createNativeQuery(
                                "select method, count(*) from measurement where run_id = ?1 group by method order by method")
                        .setParameter(1, runId)
                        .getResultList()) {
            final Object[] r = (Object[]) row;
            out.put((String) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    private static void requireMembersOf(final EntityManager em, final SortSeqRunSubmitted event) {
        final List<String> ids = event.counts().stream().map(SequenceCounts::memberId).toList();
        final Set<String> known = new HashSet<>();
        for (final Object id :
                em.createNativeQuery(
                                "select member_id from library_member where library_id = ?1 and member_id in (?2)")
                        .setParameter(1, event.libraryId())
                        .setParameter(2, ids)
                        .getResultList()) {
            known.add((String) id);
        }
        final List<String> unknown =
                ids.stream().filter(id -> !known.contains(id)).limit(5).toList();
        if (!unknown.isEmpty()) {
            throw new RejectedEventException(
                    "run %s counts members that are not in library '%s': %s"
                            .formatted(event.runId(), event.libraryId(), unknown));
        }
    }

    private static String join(final List<Long> values) {
        final StringBuilder sb = new StringBuilder();
        for (final Long v : values) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(v);
        }
        return sb.toString();
    }
}
