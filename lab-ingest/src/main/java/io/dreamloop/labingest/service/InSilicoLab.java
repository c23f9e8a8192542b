package io.dreamloop.labingest.service;

import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.motif.TransfacMotifs;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.ChunkedEvents;
import io.dreamloop.labingest.config.LabIngestConfig;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.insilico.Calibration;
import io.dreamloop.labingest.insilico.LabSort;
import io.dreamloop.labingest.insilico.OccupancyModel;
import io.dreamloop.labingest.insilico.SortSeqSimulator;
import io.dreamloop.labingest.persistence.LibraryStore;
import io.dreamloop.labingest.persistence.RunStore;
import io.dreamloop.platform.messaging.EventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The in-silico sort-seq lab's service edge (the lab itself is the {@code insilico} package): the
 * ground truth of every member (the thermodynamic occupancy model), standardized over the library
 * to the population's z scale, sorted and sequenced by the simulator, and submitted as a sort-seq
 * run like a lab would, so that the same ingest path measures it. The truth is kept with each
 * member and travels with its measurements, so models can be scored against it as well as against
 * the noisy measurement.
 */
@ApplicationScoped
public class InSilicoLab {
    private final RunStore runs;
    private final EventPublisher publisher;
    private final LabIngestConfig config;

    private final LibraryStore libraries;
    private final Map<LibraryStore.Flanks, Calibration> calibrations = new HashMap<>();
    private volatile OccupancyModel model;

    @Inject
    public InSilicoLab(
            final RunStore runs,
            final LibraryStore libraries,
            final EventPublisher publisher,
            final LabIngestConfig config) {
        this.runs = runs;
        this.libraries = libraries;
        this.publisher = publisher;
        this.config = config;
    }

    /** True when configured to measure libraries. */
    public boolean enabled() {
        return config.insilico().enabled();
    }

    /** The run id the lab uses for a library. */
    public static String runId(final String libraryId) {
        return "insilico-" + libraryId;
    }

    /** True once the lab's run of a library has been received; call inside a transaction. */
    public boolean measured(final String libraryId) {
        return runs.run(runId(libraryId)).isPresent();
    }

    /** Sorts and sequences a stored library and submits the run; call inside a transaction. */
    public void measure(final String libraryId, final Lineage lineage) {
        final Map<String, String> oligos = runs.oligos(libraryId);
        final List<String> ids = new ArrayList<>(oligos.keySet());
        final SortGates gates = gates();
        final LabSort.Sorted sorted =
                sort(libraryId, lineage, gates, ids.stream().map(oligos::get).toList());
        // Kept with the members, so each measurement carries the truth it was simulated from.
        libraries.recordTruth(libraryId, ids, sorted.z());
        final String runId = runId(libraryId);
        final List<Long> cells = sorted.run().cellsPerBin();
        final List<SortSeqRunSubmitted> events =
                ChunkedEvents.of(
                        sorted.run().sequenceCounts(ids),
                        EventTypes.SORTSEQ_RUN_SUBMITTED,
                        lineage.withLibrary(libraryId).withRun(runId),
                        runId,
                        (header, chunk, items) ->
                                new SortSeqRunSubmitted(
                                        header,
                                        runId,
                                        libraryId,
                                        gates.toBinGates(),
                                        cells,
                                        chunk,
                                        items,
                                        List.of()));
        publisher.publishAll(Topics.SORTSEQ_RUN_SUBMITTED, events);
        Log.infof(
                "in-silico lab sorted library %s: %,d members, run %s in %d chunks",
                libraryId, ids.size(), runId, events.size());
    }

    /**
     * A library on its own is gated on its own cells; a campaign's libraries share the campaign's
     * gates and scale (its {@link Calibration}).
     */
    private LabSort.Sorted sort(
            final String libraryId,
            final Lineage lineage,
            final SortGates gates,
            final List<String> oligos) {
        final SortSeqSimulator simulator = simulator(gates);
        final LabSort lab = new LabSort(model(), simulator);
        final SplittableRandom random =
                new SplittableRandom(config.insilico().seed() ^ libraryId.hashCode());
        if (lineage.campaignId() == null) {
            return lab.alone(oligos, random);
        }
        final Calibration calibration =
                calibration(simulator, libraries.flanks(libraryId).orElseThrow());
        return lab.calibrated(oligos, calibration, random);
    }

    private SortGates gates() {
        return SortGates.contiguous(config.insilico().bins(), SortGates.DEFAULT_TAIL_P);
    }

    private SortSeqSimulator simulator(final SortGates gates) {
        final LabIngestConfig.InSilico settings = config.insilico();
        return new SortSeqSimulator(
                gates,
                new SortSeqSimulator.Settings(
                        settings.cellsPerSequence(),
                        SortSeqSimulator.CellCounts.POISSON,
                        settings.readsPerCell(),
                        settings.readsPerCell()));
    }

    private OccupancyModel model() {
        if (model == null) {
            model =
                    new OccupancyModel(
                            OccupancyModel.Parameters.yeastDefaults(
                                    TransfacMotifs.parse(Path.of(config.insilico().motifs()))));
        }
        return model;
    }

    /** A campaign's calibration, computed once per flanks (and identically after a restart). */
    private synchronized Calibration calibration(
            final SortSeqSimulator simulator, final LibraryStore.Flanks flanks) {
        return calibrations.computeIfAbsent(
                flanks,
                f ->
                        Calibration.on(
                                model(),
                                simulator,
                                f.upstream(),
                                f.variableLength(),
                                f.downstream(),
                                config.insilico().seed()));
    }
}
