package io.dreamloop.labingest.service;

import io.dreamloop.contracts.event.EstimationMethod;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ExpressionScale;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.ChunkedEvents;
import io.dreamloop.labingest.config.LabIngestConfig;
import io.dreamloop.labingest.estimation.BinWeightedMean;
import io.dreamloop.labingest.estimation.CountMatrix;
import io.dreamloop.labingest.estimation.MaudeEstimator;
import io.dreamloop.labingest.estimation.MaudeFit;
import io.dreamloop.labingest.estimation.MaudeScore;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.persistence.DesignedMember;
import io.dreamloop.labingest.persistence.RunStore;
import io.dreamloop.labingest.persistence.SortSeqRunEntity;
import io.dreamloop.platform.messaging.EventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one chunk of a sort-seq run; the chunk that completes the run triggers estimation. Runs
 * in the consumer's transaction, so the raw counts, the measurements and the run's state commit
 * together; measurement events have ids derived from the run, so a retry re-publishes duplicates
 * that consumers drop.
 */
@ApplicationScoped
public class RunIngest {
    /** QC flag: fewer sorted reads than {@code dreamloop.lab-ingest.qc.min-reads}. */
    public static final String LOW_READS = "low-reads";

    /** QC flag: MAUDE's mean sits on its bound (±4): the sequence lies beyond the outer gates. */
    public static final String AT_BOUND = "at-bound";

    private final RunStore runs;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final LabIngestConfig config;

    @Inject
    public RunIngest(
            final RunStore runs,
            final EventPublisher publisher,
            final LabIngestConfig config,
            final IngestMetrics metrics) {
        this.metrics = metrics;
        this.runs = runs;
        this.publisher = publisher;
        this.config = config;
    }

    /** Stores a chunk; estimates and publishes when it completes the run. */
    public void apply(final SortSeqRunSubmitted chunk) {
        if (!runs.storeChunk(chunk)) {
            return;
        }
        estimateIfComplete(chunk.runId(), chunk.header().lineage());
    }

    /**
     * Estimates a run whose chunks are all stored and which has no estimates yet; does nothing
     * otherwise.
     *
     * @return true if the run was estimated now
     */
    public boolean estimateIfComplete(final String runId, final Lineage lineage) {
        return runs.readyToEstimate(runId)
                .map(
                        run -> {
                            estimate(run, lineage);
                            return true;
                        })
                .orElse(false);
    }

    private void estimate(final SortSeqRunEntity run, final Lineage lineage) {
        final List<SequenceCounts> counts = runs.counts(run.runId());
        final CountMatrix matrix = CountMatrix.fromSequenceCounts(counts);
        final Map<String, MaudeScore> maude = maude(run, matrix);
        final Estimates estimates = measurements(run, counts, maude, BinWeightedMean.of(matrix));
        final List<Measurement> byMaude = estimates.byMaude();
        final List<Measurement> byMean = estimates.byMean();
        final Map<String, Double> cells = cells(counts, runs.cellsPerBin(run));
        runs.saveMeasurements(run.runId(), EstimationMethod.MAUDE, byMaude, cells, maude);
        runs.saveMeasurements(
                run.runId(), EstimationMethod.BIN_WEIGHTED_MEAN, byMean, cells, Map.of());
        run.estimated();
        publish(run, lineage, EstimationMethod.MAUDE, ExpressionScale.MAUDE_MEAN, byMaude);
        publish(
                run,
                lineage,
                EstimationMethod.BIN_WEIGHTED_MEAN,
                ExpressionScale.BIN_INDEX,
                byMean);
        metrics.estimated(
                Map.of(
                        EstimationMethod.MAUDE,
                        byMaude,
                        EstimationMethod.BIN_WEIGHTED_MEAN,
                        byMean));
        Log.infof(
                "run %s: %,d members estimated (maude %,d, bin-weighted mean %,d)",
                run.runId(), counts.size(), byMaude.size(), byMean.size());
    }

    /** A run's measurements by each method. */
    private record Estimates(List<Measurement> byMaude, List<Measurement> byMean) {}

    private Estimates measurements(
            final SortSeqRunEntity run,
            final List<SequenceCounts> counts,
            final Map<String, MaudeScore> maude,
            final List<BinWeightedMean.Estimate> means) {
        final Map<String, String> oligos = runs.oligos(run.libraryId());
        final Map<String, DesignedMember> members = runs.members(run.libraryId());
        final List<Measurement> byMaude = new ArrayList<>();
        final List<Measurement> byMean = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            final SequenceCounts c = counts.get(i);
            final long reads = c.binReads().stream().mapToLong(Long::longValue).sum();
            if (reads == 0) {
                // Without a sorted read MAUDE's value would be set by the library fraction alone
                // (it was, flagged low-reads, and trained on): no estimate; the report counts them.
                continue;
            }
            final List<String> flags =
                    reads < config.qc().minReads() ? List.of(LOW_READS) : List.of();
            final Measured m =
                    new Measured(
                            c.memberId(),
                            DnaSequence.of(oligos.get(c.memberId())),
                            reads,
                            members.get(c.memberId()));
            final MaudeScore score = maude.get(c.memberId());
            if (Double.isFinite(score.mean())) {
                byMaude.add(m.by(score.mean(), false, maudeFlags(score, flags)));
            }
            if (means.get(i).value().isPresent()) {
                final BinWeightedMean.Estimate mean = means.get(i);
                byMean.add(m.by(mean.value().getAsDouble(), mean.singleton(), flags));
            }
        }
        return new Estimates(byMaude, byMean);
    }

    /** What every method's measurement of a member shares. */
    private record Measured(String memberId, DnaSequence oligo, long reads, DesignedMember member) {
        Measurement by(final double value, final boolean singleton, final List<String> flags) {
            return new Measurement(
                    memberId,
                    oligo,
                    value,
                    reads,
                    singleton,
                    flags,
                    member.subset(),
                    member.pairId(),
                    member.truth());
        }
    }

    /**
     * MAUDE per member; relative to the negative controls when the run names them and they were
     * counted (otherwise Z and the ratio are NaN, and the report says the controls are missing).
     */
    private Map<String, MaudeScore> maude(final SortSeqRunEntity run, final CountMatrix matrix) {
        final MaudeEstimator estimator =
                new MaudeEstimator(SortGates.fromBinGates(runs.gates(run)));
        final Set<String> controls = controls(run);
        final Map<String, MaudeScore> out = new LinkedHashMap<>();
        if (!controls.isEmpty() && matrix.ids().containsAll(controls)) {
            estimator.score(matrix, controls).forEach(s -> out.put(s.id(), s));
            return out;
        }
        final List<MaudeFit> fits = estimator.fit(matrix);
        for (int i = 0; i < fits.size(); i++) {
            final MaudeFit f = fits.get(i);
            out.put(
                    matrix.ids().get(i),
                    new MaudeScore(
                            matrix.ids().get(i),
                            f.mean(),
                            f.logLikelihood(),
                            Double.NaN,
                            Double.NaN));
        }
        return out;
    }

    /**
     * Cells behind each member: its share of each bin's reads times the cells sorted into the bin
     * (a lab reports cells per bin, not per sequence).
     */
    static Map<String, Double> cells(
            final List<SequenceCounts> counts, final List<Long> cellsPerBin) {
        final long[] binTotals = new long[cellsPerBin.size()];
        for (final SequenceCounts c : counts) {
            for (int b = 0; b < binTotals.length; b++) {
                binTotals[b] += c.binReads().get(b);
            }
        }
        final Map<String, Double> out = new HashMap<>();
        for (final SequenceCounts c : counts) {
            double cells = 0;
            for (int b = 0; b < binTotals.length; b++) {
                if (binTotals[b] > 0) {
                    cells += (double) c.binReads().get(b) / binTotals[b] * cellsPerBin.get(b);
                }
            }
            out.put(c.memberId(), cells);
        }
        return out;
    }

    /** The run's negative controls. */
    public static Set<String> controls(final SortSeqRunEntity run) {
        return run.negativeControls().isEmpty()
                ? Set.of()
                : Set.of(run.negativeControls().split(","));
    }

    private static List<String> maudeFlags(final MaudeScore score, final List<String> flags) {
        if (score.mean() > MaudeEstimator.MIN_MEAN + 1e-3
                && score.mean() < MaudeEstimator.MAX_MEAN - 1e-3) {
            return flags;
        }
        final List<String> out = new ArrayList<>(flags);
        out.add(AT_BOUND);
        return out;
    }

    private void publish(
            final SortSeqRunEntity run,
            final Lineage lineage,
            final EstimationMethod method,
            final ExpressionScale scale,
            final List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            return;
        }
        final List<MeasurementsRecorded> events =
                ChunkedEvents.of(
                        measurements,
                        EventTypes.MEASUREMENTS_RECORDED,
                        lineage.withRun(run.runId()).withLibrary(run.libraryId()),
                        run.runId() + "/" + method.wireName(),
                        (header, chunk, items) ->
                                new MeasurementsRecorded(
                                        header,
                                        run.runId(),
                                        run.libraryId(),
                                        method.wireName(),
                                        scale,
                                        chunk,
                                        items));
        publisher.publishAll(Topics.MEASUREMENTS_RECORDED, events);
    }
}
