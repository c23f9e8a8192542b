package io.dreamloop.labingest.service;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.EventHeader;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.motif.TransfacMotifs;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.Chunks;
import io.dreamloop.labingest.config.LabIngestConfig;
import io.dreamloop.labingest.estimation.Population;
import io.dreamloop.labingest.estimation.SimulatedRun;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.estimation.SortSeqSimulator;
import io.dreamloop.labingest.insilico.OccupancyModel;
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
 * The in-silico sort-seq lab: the ground truth of every member (the thermodynamic occupancy model),
 * standardized over the library to the population's z scale, sorted and sequenced by the simulator,
 * and submitted as a sort-seq run like a lab would, so that the same ingest path measures it. The
 * truth is kept with each member and travels with its measurements, so models can be scored against
 * it as well as against the noisy measurement.
 */
@ApplicationScoped
public class InSilicoLab {
    private final RunStore runs;
    private final EventPublisher publisher;
    private final LabIngestConfig config;

    /** Random variable regions in a campaign's calibration library. */
    static final int CALIBRATION_SIZE = 5_000;

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
        final double[] truth = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            truth[i] = model().expression(DnaSequence.of(oligos.get(ids.get(i))));
        }
        final LabIngestConfig.InSilico settings = config.insilico();
        final SortGates gates = SortGates.contiguous(settings.bins(), SortGates.DEFAULT_TAIL_P);
        final SortSeqSimulator simulator =
                new SortSeqSimulator(
                        gates,
                        new SortSeqSimulator.Settings(
                                settings.cellsPerSequence(),
                                SortSeqSimulator.CellCounts.POISSON,
                                settings.readsPerCell(),
                                settings.readsPerCell()));
        final SplittableRandom random =
                new SplittableRandom(settings.seed() ^ libraryId.hashCode());
        final SimulatedRun run;
        final double[] z;
        if (lineage.campaignId() == null) {
            // A library on its own: gates on its own cells, as an operator sorts a new library.
            z = standardized(truth);
            run = simulator.simulate(z, random);
        } else {
            // A campaign's libraries share gates and scale, so their cycles pool in training.
            final Calibration calibration =
                    calibration(simulator, libraries.flanks(libraryId).orElseThrow());
            z = calibration.scale().z(truth);
            run = simulator.simulate(z, random, calibration.gates());
        }
        // Kept with the members, so each measurement carries the truth it was simulated from.
        libraries.recordTruth(libraryId, ids, z);
        final List<SequenceCounts> rows = run.sequenceCounts(ids);
        final List<Long> cells = run.cellsPerBin();
        final String runId = runId(libraryId);
        final List<List<SequenceCounts>> parts = Chunks.byJsonSize(rows);
        final List<SortSeqRunSubmitted> events = new ArrayList<>();
        for (int c = 0; c < parts.size(); c++) {
            final EventTypes.Type type = EventTypes.SORTSEQ_RUN_SUBMITTED;
            final EventHeader header =
                    EventHeader.deterministic(
                            type.name(),
                            type.schemaVersion(),
                            lineage.withLibrary(libraryId).withRun(runId),
                            runId + "/" + c + "/" + parts.size());
            events.add(
                    new SortSeqRunSubmitted(
                            header,
                            runId,
                            libraryId,
                            gates.toBinGates(),
                            cells,
                            new Chunk(c, parts.size()),
                            parts.get(c),
                            List.of()));
        }
        publisher.publishAll(Topics.SORTSEQ_RUN_SUBMITTED, events);
        Log.infof(
                "in-silico lab sorted library %s: %,d members, run %s in %d chunks",
                libraryId, ids.size(), runId, events.size());
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

    /**
     * The gates and scale of a campaign's sorts: set on a seeded random calibration library of
     * {@value #CALIBRATION_SIZE} variable regions of the campaign's length in its flanks, the way a
     * lab sets its gates once on a reference population and keeps them. Recomputed identically
     * after a restart.
     */
    private synchronized Calibration calibration(
            final SortSeqSimulator simulator, final LibraryStore.Flanks flanks) {
        return calibrations.computeIfAbsent(
                flanks,
                f -> {
                    final SplittableRandom random = new SplittableRandom(config.insilico().seed());
                    final double[] truth = new double[CALIBRATION_SIZE];
                    final char[] bases = new char[f.variableLength()];
                    for (int i = 0; i < truth.length; i++) {
                        for (int j = 0; j < bases.length; j++) {
                            bases[j] = "ACGT".charAt(random.nextInt(4));
                        }
                        truth[i] =
                                model().expression(
                                                DnaSequence.of(
                                                        f.upstream()
                                                                + new String(bases)
                                                                + f.downstream()));
                    }
                    final Scale scale = Scale.of(truth);
                    return new Calibration(scale, simulator.gatesOn(scale.z(truth), random));
                });
    }

    private record Calibration(Scale scale, Population gates) {}

    /** Ground truth on the population's z scale: mean 0, standard deviation 1 over the library. */
    static double[] standardized(final double[] values) {
        return Scale.of(values).z(values);
    }

    /**
     * The mean and sample standard deviation of a population (sd 1 when it has no spread), which
     * put values on its z scale.
     */
    record Scale(double mean, double sd) {
        static Scale of(final double[] values) {
            double mean = 0;
            for (final double v : values) {
                mean += v / values.length;
            }
            double var = 0;
            for (final double v : values) {
                var += (v - mean) * (v - mean) / Math.max(1, values.length - 1);
            }
            return new Scale(mean, var > 0 ? Math.sqrt(var) : 1);
        }

        double[] z(final double[] values) {
            final double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (values[i] - mean) / sd;
            }
            return out;
        }
    }
}
