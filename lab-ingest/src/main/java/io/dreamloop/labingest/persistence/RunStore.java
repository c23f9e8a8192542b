package io.dreamloop.labingest.persistence;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.contracts.event.EstimationMethod;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.labingest.estimation.MaudeScore;
import io.dreamloop.labingest.ingest.CountTable;
import io.dreamloop.platform.messaging.RejectedEventException;
import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
        ensureRun(em, event);
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
        insertCounts(em, event);
        return true;
    }

    /** Creates the run at its first chunk; refuses a chunk that contradicts the earlier ones. */
    private void ensureRun(final EntityManager em, final SortSeqRunSubmitted event) {
        final String gates = new String(codec.toJsonBytes(event.gates()), StandardCharsets.UTF_8);
        final SortSeqRunEntity run = em.find(SortSeqRunEntity.class, event.runId());
        if (run == null) {
            em.persist(
                    new SortSeqRunEntity(
                            event.runId(),
                            event.libraryId(),
                            gates,
                            new String(
                                    codec.toJsonBytes(event.cellsPerBin()), StandardCharsets.UTF_8),
                            String.join(",", event.negativeControls()),
                            event.chunk().count()));
            em.flush();
        } else if (!run.libraryId().equals(event.libraryId())
                || run.chunkCount() != event.chunk().count()
                || !run.gates().equals(gates)
                || !run.negativeControls().equals(String.join(",", event.negativeControls()))) {
            throw new RejectedEventException(
                    "chunk %d of run %s contradicts its earlier chunks (library, gates, negative controls or chunk count differ)"
                            .formatted(event.chunk().index(), event.runId()));
        }
    }

    private void insertCounts(final EntityManager em, final SortSeqRunSubmitted event) {
        for (final SequenceCounts c : event.counts()) {
            em.createNativeQuery(
                            "insert into sortseq_count (run_id, member_id, unsorted_reads, bin_reads) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, event.runId())
                    .setParameter(2, c.memberId())
                    .setParameter(3, c.unsortedReads())
                    .setParameter(4, join(c.binReads()))
                    .executeUpdate();
        }
    }

    /** The run, once every chunk is stored and it is not yet estimated. */
    public Optional<SortSeqRunEntity> readyToEstimate(final String runId) {
        final EntityManager em = database.em();
        final SortSeqRunEntity run = em.find(SortSeqRunEntity.class, runId);
        if (run == null || run.isEstimated()) {
            return Optional.empty();
        }
        final long chunks =
                ((Number)
                                em.createNativeQuery(
                                                "select count(*) from sortseq_chunk where run_id = ?1")
                                        .setParameter(1, runId)
                                        .getSingleResult())
                        .longValue();
        return chunks == run.chunkCount() ? Optional.of(run) : Optional.empty();
    }

    /** The run's gates as received. */
    public List<BinGate> gates(final SortSeqRunEntity run) {
        try {
            return Arrays.asList(codec.mapper().readValue(run.gates(), BinGate[].class));
        } catch (final IOException e) {
            throw new IllegalStateException(
                    "stored gates of run " + run.runId() + " are unreadable", e);
        }
    }

    /** Cells the sorter put in each bin, as received. */
    public List<Long> cellsPerBin(final SortSeqRunEntity run) {
        try {
            return Arrays.asList(codec.mapper().readValue(run.cellsPerBin(), Long[].class));
        } catch (final IOException e) {
            throw new IllegalStateException(
                    "stored cells per bin of run " + run.runId() + " are unreadable", e);
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

    /** Subset, pair id and in-silico truth of every member of a library, by member id. */
    public Map<String, DesignedMember> members(final String libraryId) {
        final Map<String, DesignedMember> out = new HashMap<>();
        for (final Object row :
                database.em()
                        .createNativeQuery(
                                "select member_id, subset, pair_id, truth from library_member where library_id = ?1")
                        .setParameter(1, libraryId)
                        .getResultList()) {
            final Object[] r = (Object[]) row;
            out.put(
                    (String) r[0],
                    new DesignedMember(
                            Subset.fromWireName((String) r[1]),
                            (String) r[2],
                            r[3] == null ? null : ((Number) r[3]).doubleValue()));
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

    /**
     * Stores the estimates of one method.
     *
     * @param maude MAUDE's full output per member, empty for other methods
     */
    public void saveMeasurements(
            final String runId,
            final EstimationMethod method,
            final List<Measurement> measurements,
            final Map<String, Double> cells,
            final Map<String, MaudeScore> maude) {
        final EntityManager em = database.em();
        for (final Measurement m : measurements) {
            final MaudeScore score = maude.get(m.memberId());
            em.createNativeQuery(
                            "insert into measurement (run_id, member_id, method, expression, reads, singleton, qc_flags, log_likelihood, z_score, ll_ratio, cells) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                    .setParameter(1, runId)
                    .setParameter(2, m.memberId())
                    .setParameter(3, method.wireName())
                    .setParameter(4, m.value())
                    .setParameter(5, m.reads())
                    .setParameter(6, m.singleton())
                    .setParameter(7, String.join(",", m.qcFlags()))
                    .setParameter(8, score == null ? null : score.logLikelihood())
                    .setParameter(9, score == null || Double.isNaN(score.z()) ? null : score.z())
                    .setParameter(
                            10,
                            score == null || Double.isNaN(score.llRatio()) ? null : score.llRatio())
                    .setParameter(11, cells.getOrDefault(m.memberId(), 0.0))
                    .executeUpdate();
        }
    }

    /** Stores the rows of an uploaded table whose sequence is not in the library. */
    public void saveUnmatched(final String runId, final List<CountTable.Row> rows) {
        final EntityManager em = database.em();
        for (final CountTable.Row r : rows) {
            em.createNativeQuery(
                            "insert into sortseq_unmatched (run_id, line, row_key, reads) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, runId)
                    .setParameter(2, r.line())
                    .setParameter(3, r.key())
                    .setParameter(4, r.unsortedReads() + r.sortedReads())
                    .executeUpdate();
        }
    }

    /** Rows of the run's upload that matched no member: line, sequence, reads; by line. */
    public List<Object[]> unmatched(final String runId) {
        final List<Object[]> out = new ArrayList<>();
        for (final Object row :
                database.em()
                        .createNativeQuery(
                                "select line, row_key, reads from sortseq_unmatched where run_id = ?1 order by line")
                        .setParameter(1, runId)
                        .getResultList()) {
            out.add((Object[]) row);
        }
        return out;
    }

    /**
     * Deletes a run and everything stored with it (counts, chunks, unmatched rows, measurements),
     * so that a failed run can be replaced under its id.
     */
    public void delete(final String runId) {
        final EntityManager em = database.em();
        for (final String table :
                List.of(
                        "measurement",
                        "sortseq_unmatched",
                        "sortseq_count",
                        "sortseq_chunk",
                        "sortseq_run")) {
            em.createNativeQuery("delete from " + table + " where run_id = ?1")
                    .setParameter(1, runId)
                    .executeUpdate();
        }
        em.clear();
    }

    /** The run, if it exists. */
    public Optional<SortSeqRunEntity> run(final String runId) {
        return Optional.ofNullable(database.em().find(SortSeqRunEntity.class, runId));
    }

    /** The event id a stored chunk arrived with. */
    public Optional<UUID> chunkEventId(final String runId, final int index) {
        final List<?> ids =
                database.em()
                        .createNativeQuery(
                                "select event_id from sortseq_chunk where run_id = ?1 and chunk_index = ?2")
                        .setParameter(1, runId)
                        .setParameter(2, index)
                        .getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(uuid(ids.getFirst()));
    }

    /**
     * A native query's uuid column: PostgreSQL's driver gives a {@code UUID}, H2 (the embedded
     * profile) its 16 bytes; a re-submitted run failed on H2 with "Invalid UUID string: [B@..."
     * before this.
     */
    static UUID uuid(final Object column) {
        return switch (column) {
            case UUID u -> u;
            case byte[] b when b.length == 16 -> {
                final ByteBuffer buffer = ByteBuffer.wrap(b);
                yield new UUID(buffer.getLong(), buffer.getLong());
            }
            default -> UUID.fromString(column.toString());
        };
    }

    /** Chunks of the run stored so far. */
    public long chunksReceived(final String runId) {
        return ((Number)
                        database.em()
                                .createNativeQuery(
                                        "select count(*) from sortseq_chunk where run_id = ?1")
                                .setParameter(1, runId)
                                .getSingleResult())
                .longValue();
    }

    /** Members of a library. */
    public long librarySize(final String libraryId) {
        return ((Number)
                        database.em()
                                .createNativeQuery(
                                        "select count(*) from library_member where library_id = ?1")
                                .setParameter(1, libraryId)
                                .getSingleResult())
                .longValue();
    }

    /**
     * The library's members by what a lab may report for them: member id, variable region and full
     * oligo all map to the member id.
     */
    public Map<String, String> memberKeys(final String libraryId) {
        final Map<String, String> out = new HashMap<>();
        for (final Object row :
                database.em()
                        .createNativeQuery(
                                "select m.member_id, m.variable, l.upstream || m.variable || l.downstream from library_member m join library l on l.library_id = m.library_id where m.library_id = ?1")
                        .setParameter(1, libraryId)
                        .getResultList()) {
            final Object[] r = (Object[]) row;
            out.put((String) r[0], (String) r[0]);
            out.putIfAbsent((String) r[1], (String) r[0]);
            out.putIfAbsent((String) r[2], (String) r[0]);
        }
        return out;
    }

    /**
     * Stored measurements of a run, ordered by method and member.
     *
     * @param method one method, or null for all
     */
    public List<StoredMeasurement> measurements(final String runId, final String method) {
        final List<StoredMeasurement> out = new ArrayList<>();
        final jakarta.persistence.Query query =
                database.em()
                        .createNativeQuery(
                                "select member_id, method, expression, reads, singleton, qc_flags, log_likelihood, z_score, ll_ratio, cells from measurement where run_id = ?1"
                                        + (method == null ? "" : " and method = ?2")
                                        + " order by method, member_id")
                        .setParameter(1, runId);
        if (method != null) {
            query.setParameter(2, method);
        }
        for (final Object row : query.getResultList()) {
            final Object[] r = (Object[]) row;
            out.add(
                    new StoredMeasurement(
                            (String) r[0],
                            (String) r[1],
                            ((Number) r[2]).doubleValue(),
                            ((Number) r[3]).longValue(),
                            (Boolean) r[4],
                            ((String) r[5]).isEmpty()
                                    ? List.of()
                                    : List.of(((String) r[5]).split(",")),
                            ((Number) r[9]).doubleValue(),
                            r[6] == null ? null : ((Number) r[6]).doubleValue(),
                            r[7] == null ? null : ((Number) r[7]).doubleValue(),
                            r[8] == null ? null : ((Number) r[8]).doubleValue()));
        }
        return out;
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
