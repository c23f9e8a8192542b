package io.dreamloop.labingest.insilico;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One sort of a library by the in-silico lab: the ground truth of every oligo from the occupancy
 * model, put on the population's z scale, then sorted and sequenced by the simulator.
 */
public final class LabSort {

    /**
     * A sorted library.
     *
     * @param z each oligo's ground truth on the z scale the sort used, in the oligos' order
     * @param run the simulated reads and cells
     */
    public record Sorted(double[] z, SimulatedRun run) {
        public Sorted {
            Objects.requireNonNull(z, "z");
            Objects.requireNonNull(run, "run");
        }
    }

    private final OccupancyModel model;
    private final SortSeqSimulator simulator;

    /**
     * @param model the ground truth
     * @param simulator the sorter and sequencer
     */
    public LabSort(final OccupancyModel model, final SortSeqSimulator simulator) {
        this.model = Objects.requireNonNull(model, "model");
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    /** A library on its own: gates on its own cells, as an operator sorts a new library. */
    public Sorted alone(final List<String> oligos, final RandomGenerator random) {
        final double[] z = Scale.standardized(truth(oligos));
        return new Sorted(z, simulator.simulate(z, random));
    }

    /** A campaign's library: the campaign's gates and scale, so its cycles pool in training. */
    public Sorted calibrated(
            final List<String> oligos,
            final Calibration calibration,
            final RandomGenerator random) {
        final double[] z = calibration.scale().z(truth(oligos));
        return new Sorted(z, simulator.simulate(z, random, calibration.gates()));
    }

    private double[] truth(final List<String> oligos) {
        final double[] truth = new double[oligos.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = model.expression(DnaSequence.of(oligos.get(i)));
        }
        return truth;
    }
}
