package io.dreamloop.labingest.service;

import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Ids;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.wire.ChunkedEvents;
import io.dreamloop.labingest.ingest.CountTable;
import io.dreamloop.labingest.ingest.CountTableException;
import io.dreamloop.labingest.ingest.GateTable;
import io.dreamloop.labingest.persistence.RunStore;
import io.dreamloop.labingest.persistence.SortSeqRunEntity;
import io.dreamloop.platform.error.ConflictException;
import io.dreamloop.platform.error.UnknownResourceException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sort-seq run uploaded as files. Everything is checked before anything is stored (the tables'
 * rows and columns, the gates as estimation will use them, every member and control); the raw
 * counts are then stored in one transaction, exactly as the event path stores them, and estimated
 * in a second, so a failing estimate loses nothing: the run is marked failed with the reason
 * ({@code GET /runs/{id}}), keeps its counts, and may be uploaded again under its id, which
 * replaces it. The run's chunk ids derive from its content: the same upload again is recognised as
 * a duplicate, a different upload under the id of a run that did not fail is refused.
 */
@ApplicationScoped
public class RunUpload {

    /**
     * An upload.
     *
     * @param runId the run's id
     * @param libraryId the library that was sorted
     * @param gates the parsed gate table
     * @param counts the parsed count table
     * @param negativeControls member ids of negative controls, possibly empty
     */
    public record Upload(
            String runId,
            String libraryId,
            GateTable gates,
            CountTable counts,
            List<String> negativeControls) {
        public Upload {
            Ids.require(runId, "runId");
            Ids.require(libraryId, "libraryId");
            negativeControls = List.copyOf(negativeControls);
            negativeControls.forEach(c -> Ids.require(c, "negative control"));
        }
    }

    /**
     * What happened to an upload.
     *
     * @param runId the run
     * @param duplicate true when this exact run had been received before (nothing changed)
     * @param members members counted
     * @param unmatchedRows rows whose sequence is in no member of the library
     * @param estimated true when the run's estimates exist
     * @param failure why estimating the stored run failed, or null
     */
    public record Receipt(
            String runId,
            boolean duplicate,
            int members,
            int unmatchedRows,
            boolean estimated,
            String failure) {}

    private final RunStore runs;
    private final RunIngest ingest;
    private final IngestMetrics metrics;

    @Inject
    public RunUpload(final RunStore runs, final RunIngest ingest, final IngestMetrics metrics) {
        this.runs = runs;
        this.ingest = ingest;
        this.metrics = metrics;
    }

    /**
     * Stores and estimates an upload.
     *
     * @throws UnknownResourceException for an unknown library
     * @throws CountTableException naming each row that names no member, or a bad control
     * @throws ConflictException when the run id was used for a different upload
     */
    public Receipt submit(final Upload upload) {
        final Lineage lineage = Lineage.ofLibrary(upload.libraryId()).withRun(upload.runId());
        final Receipt receipt;
        try {
            receipt = QuarkusTransaction.requiringNew().call(() -> store(upload));
        } catch (final RuntimeException e) {
            metrics.rejected();
            throw e;
        }
        estimate(upload.runId(), lineage);
        final SortSeqRunEntity run =
                QuarkusTransaction.requiringNew()
                        .call(() -> runs.run(upload.runId()).orElseThrow());
        return new Receipt(
                receipt.runId(),
                receipt.duplicate(),
                receipt.members(),
                receipt.unmatchedRows(),
                run.isEstimated(),
                run.failure());
    }

    /** Estimates a stored run; a failure marks the run failed with the reason and loses nothing. */
    private void estimate(final String runId, final Lineage lineage) {
        try {
            QuarkusTransaction.requiringNew().run(() -> ingest.estimateIfComplete(runId, lineage));
        } catch (final RuntimeException e) {
            final String reason =
                    "estimation failed: %s: %s"
                            .formatted(e.getClass().getSimpleName(), e.getMessage());
            QuarkusTransaction.requiringNew()
                    .run(() -> runs.run(runId).ifPresent(r -> r.fail(reason)));
            metrics.rejected();
            Log.warnf(
                    e,
                    "run %s: %s; its counts are kept and it may be uploaded again",
                    runId,
                    reason);
        }
    }

    private Receipt store(final Upload upload) {
        if (runs.librarySize(upload.libraryId()) == 0) {
            throw new UnknownResourceException(
                    "unknown library '%s': lab-ingest has not received it from the designer"
                            .formatted(upload.libraryId()));
        }
        final Matched matched = match(upload);
        final List<SortSeqRunSubmitted> chunks = chunks(upload, matched.counts());
        final Optional<SortSeqRunEntity> existing = runs.run(upload.runId());
        if (existing.isPresent() && existing.get().isFailed()) {
            Log.infof(
                    "run %s failed earlier (%s); the new upload replaces it",
                    upload.runId(), existing.get().failure());
            runs.delete(upload.runId());
        } else if (existing.isPresent()) {
            requireSame(existing.get(), chunks);
        }
        boolean stored = false;
        for (final SortSeqRunSubmitted chunk : chunks) {
            stored |= runs.storeChunk(chunk);
        }
        if (stored) {
            runs.saveUnmatched(upload.runId(), matched.unmatched());
        }
        return new Receipt(
                upload.runId(),
                !stored,
                matched.counts().size(),
                matched.unmatched().size(),
                false,
                null);
    }

    /** A run received before may be received again only with the same content. */
    private void requireSame(
            final SortSeqRunEntity existing, final List<SortSeqRunSubmitted> chunks) {
        final String runId = existing.runId();
        final boolean same =
                existing.chunkCount() == chunks.size()
                        && runs.chunkEventId(runId, 0)
                                .map(id -> id.equals(chunks.getFirst().header().eventId()))
                                .orElse(false);
        if (!same) {
            throw new ConflictException(
                    "run '%s' was already received with different content; use a new run id"
                            .formatted(runId));
        }
    }

    /** Rows matched to members, and the rows that match none. */
    private record Matched(List<SequenceCounts> counts, List<CountTable.Row> unmatched) {}

    private Matched match(final Upload upload) {
        final Map<String, String> members = runs.memberKeys(upload.libraryId());
        final List<String> problems = new ArrayList<>();
        final List<SequenceCounts> counts = new ArrayList<>();
        final List<CountTable.Row> unmatched = new ArrayList<>();
        final Map<String, Integer> lineOf = new HashMap<>();
        final CountTable table = upload.counts();
        final String column = table.key().column();
        for (final CountTable.Row row : table.rows()) {
            final String member = members.get(row.key());
            if (member == null) {
                if (table.key() == CountTable.Key.SEQUENCE) {
                    unmatched.add(row);
                } else {
                    problems.add(
                            "line %d, column %s: '%s' is not a member of library '%s'"
                                    .formatted(row.line(), column, row.key(), upload.libraryId()));
                }
                continue;
            }
            final Integer earlier = lineOf.putIfAbsent(member, row.line());
            if (earlier != null) {
                problems.add(
                        "line %d, column %s: member '%s' was already counted on line %d"
                                .formatted(row.line(), column, member, earlier));
                continue;
            }
            counts.add(new SequenceCounts(member, row.unsortedReads(), row.binReads()));
        }
        wholeRunProblems(upload, lineOf.keySet(), counts, problems);
        if (!problems.isEmpty()) {
            throw new CountTableException(problems);
        }
        return new Matched(counts, unmatched);
    }

    /** What is wrong with the matched rows taken together: controls, reads, matches. */
    private static void wholeRunProblems(
            final Upload upload,
            final Set<String> counted,
            final List<SequenceCounts> counts,
            final List<String> problems) {
        for (final String control : upload.negativeControls()) {
            if (!counted.contains(control)) {
                problems.add(
                        "negative control '%s' is not counted in the table".formatted(control));
            }
        }
        if (!counts.isEmpty()
                && counts.stream().allMatch(c -> c.binReads().stream().allMatch(r -> r == 0))) {
            problems.add(
                    "no member has a read in any bin: nothing can be estimated (is the count table the sorted run's?)");
        }
        if (counts.isEmpty() && problems.isEmpty()) {
            problems.add(
                    "no row of the table matches a member of library '%s'"
                            .formatted(upload.libraryId()));
        }
    }

    private static List<SortSeqRunSubmitted> chunks(
            final Upload upload, final List<SequenceCounts> counts) {
        return ChunkedEvents.of(
                counts,
                EventTypes.SORTSEQ_RUN_SUBMITTED,
                Lineage.ofLibrary(upload.libraryId()).withRun(upload.runId()),
                "upload/%s/%s".formatted(upload.runId(), digest(upload)),
                (header, chunk, items) ->
                        new SortSeqRunSubmitted(
                                header,
                                upload.runId(),
                                upload.libraryId(),
                                upload.gates().gates(),
                                upload.gates().cells(),
                                chunk,
                                items,
                                upload.negativeControls()));
    }

    /** A digest of everything the run's estimates depend on. */
    private static String digest(final Upload upload) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(upload.libraryId().getBytes(StandardCharsets.UTF_8));
            sha.update(upload.gates().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(
                    String.join(",", upload.negativeControls()).getBytes(StandardCharsets.UTF_8));
            for (final CountTable.Row row : upload.counts().rows()) {
                sha.update(
                        (row.key() + "\t" + row.unsortedReads() + "\t" + row.binReads() + "\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
