package io.dreamloop.labingest.service;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.EventHeader;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ExpressionScale;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.Chunks;
import io.dreamloop.labingest.config.LabIngestConfig;
import io.dreamloop.labingest.estimation.BinWeightedMean;
import io.dreamloop.labingest.estimation.CountMatrix;
import io.dreamloop.labingest.estimation.MaudeEstimator;
import io.dreamloop.labingest.estimation.MaudeFit;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.persistence.RunStore;
import io.dreamloop.labingest.persistence.SortSeqRunEntity;
import io.dreamloop.platform.messaging.EventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies one chunk of a sort-seq run; the chunk that completes the run triggers estimation. Runs
 * in the consumer's transaction, so the raw counts, the measurements and the run's state commit
 * together; measurement events have ids derived from the run, so a retry re-publishes duplicates
 * that consumers drop.
 */
@ApplicationScoped
public class RunIngest {
    /** Method names recorded with every measurement. */
    public static final String MAUDE = "maude";

    public static final String BIN_WEIGHTED_MEAN = "bin-weighted-mean";

    private final RunStore runs;
    private final EventPublisher publisher;
    private final LabIngestConfig config;

    @Inject
    public RunIngest(
            final RunStore runs, final EventPublisher publisher, final LabIngestConfig config) {
        this.runs = runs;
        this.publisher = publisher;
        this.config = config;
    }

    /** Stores a chunk; estimates and publishes when it completes the run. */
    public void apply(final SortSeqRunSubmitted chunk) {
        if (!runs.storeChunk(chunk)) {
            return;
        }
        runs.readyToEstimate(chunk.runId())
                .ifPresent(run -> estimate(run, chunk.header().lineage()));
    }

    private void estimate(final SortSeqRunEntity run, final Lineage lineage) {
        final List<SequenceCounts> counts = runs.counts(run.runId());
        final CountMatrix matrix = CountMatrix.fromSequenceCounts(counts);
        final List<MaudeFit> maude =
                new MaudeEstimator(SortGates.fromBinGates(runs.gates(run))).fit(matrix);
        final List<BinWeightedMean.Estimate> means = BinWeightedMean.of(matrix);
        final Map<String, String> oligos = runs.oligos(run.libraryId());
        final List<Measurement> byMaude = new ArrayList<>();
        final List<Measurement> byMean = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            final SequenceCounts c = counts.get(i);
            final long reads = c.binReads().stream().mapToLong(Long::longValue).sum();
            final List<String> flags =
                    reads < config.qc().minReads() ? List.of("low-reads") : List.of();
            final DnaSequence oligo = DnaSequence.of(oligos.get(c.memberId()));
            if (Double.isFinite(maude.get(i).mean())) {
                byMaude.add(
                        new Measurement(
                                c.memberId(), oligo, maude.get(i).mean(), reads, false, flags));
            }
            if (means.get(i).value().isPresent()) {
                byMean.add(
                        new Measurement(
                                c.memberId(),
                                oligo,
                                means.get(i).value().getAsDouble(),
                                reads,
                                means.get(i).singleton(),
                                flags));
            }
        }
        runs.saveMeasurements(run.runId(), MAUDE, byMaude);
        runs.saveMeasurements(run.runId(), BIN_WEIGHTED_MEAN, byMean);
        run.estimated();
        publish(run, lineage, MAUDE, ExpressionScale.MAUDE_MEAN, byMaude);
        publish(run, lineage, BIN_WEIGHTED_MEAN, ExpressionScale.BIN_INDEX, byMean);
        Log.infof(
                "run %s: %,d members estimated (maude %,d, bin-weighted mean %,d)",
                run.runId(), counts.size(), byMaude.size(), byMean.size());
    }

    private void publish(
            final SortSeqRunEntity run,
            final Lineage lineage,
            final String method,
            final ExpressionScale scale,
            final List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            return;
        }
        final List<List<Measurement>> parts = Chunks.byJsonSize(measurements);
        final List<MeasurementsRecorded> events = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            final EventTypes.Type type = EventTypes.MEASUREMENTS_RECORDED;
            final EventHeader header =
                    EventHeader.deterministic(
                            type.name(),
                            type.schemaVersion(),
                            lineage.withRun(run.runId()).withLibrary(run.libraryId()),
                            run.runId() + "/" + method + "/" + i + "/" + parts.size());
            events.add(
                    new MeasurementsRecorded(
                            header,
                            run.runId(),
                            run.libraryId(),
                            method,
                            scale,
                            new Chunk(i, parts.size()),
                            parts.get(i)));
        }
        publisher.publishAll(Topics.MEASUREMENTS_RECORDED, events);
    }
}
