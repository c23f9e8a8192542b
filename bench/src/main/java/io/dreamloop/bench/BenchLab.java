package io.dreamloop.bench;

import io.dreamloop.contracts.motif.TransfacMotifs;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.designer.ga.Direction;
import io.dreamloop.evaluation.Correlations;
import io.dreamloop.labingest.estimation.BinWeightedMean;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.insilico.OccupancyModel;
import io.dreamloop.labingest.insilico.Population;
import io.dreamloop.labingest.insilico.SortSeqSimulator;
import io.dreamloop.training.TrainingExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The in-silico sort-seq lab of the campaign benchmarks, in process: the occupancy model's ground
 * truth, z-scored on a reference population, sorted into 18 bins with gates set once on that
 * population and kept (as a lab keeps its gates across a campaign, so batches pool on one scale),
 * read out by the bin-weighted mean.
 */
final class BenchLab {
    private final OccupancyModel truth;
    private final SortSeqSimulator simulator;
    private Population gates;
    private double truthMean;
    private double truthSd;

    /**
     * @param motifs the JASPAR TRANSFAC motifs of the ground truth
     * @param cells mean cells per sequence in a sort
     * @param readsPerCell sequencing depth
     */
    BenchLab(final Path motifs, final double cells, final double readsPerCell) {
        this.truth =
                new OccupancyModel(
                        OccupancyModel.Parameters.yeastDefaults(TransfacMotifs.parse(motifs)));
        this.simulator =
                new SortSeqSimulator(
                        SortGates.contiguous(18, SortGates.DEFAULT_TAIL_P),
                        new SortSeqSimulator.Settings(
                                cells,
                                SortSeqSimulator.CellCounts.POISSON,
                                readsPerCell,
                                readsPerCell));
    }

    /** Sets the truth's z scale and the gates on a reference population. */
    void calibrate(final List<DnaSequence> reference, final long seed) {
        final double[] t = new double[reference.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = truth.expression(reference.get(i));
        }
        final Spread spread = Spread.of(t);
        truthMean = spread.mean();
        truthSd = spread.sd();
        final double[] z = new double[t.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (t[i] - truthMean) / truthSd;
        }
        gates = simulator.gatesOn(z, new SplittableRandom(seed));
    }

    /** The noiseless truth of a sequence on the reference population's z scale. */
    double truthZ(final DnaSequence sequence) {
        return (truth.expression(sequence) - truthMean) / truthSd;
    }

    /**
     * The truth z no sequence can pass in {@code direction}: the occupancy model's expression is
     * squashed into 0-17 bins, so designs crowd under this ceiling however good they get.
     */
    double ceilingZ(final Direction direction) {
        final double bound = direction == Direction.HIGH ? OccupancyModel.Parameters.MAX_BIN : 0;
        return (bound - truthMean) / truthSd;
    }

    /** Sorts and sequences the sequences with one seed; drops those without reads. */
    List<TrainingExample> measure(final List<DnaSequence> sequences, final long seed) {
        final double[] z = new double[sequences.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = truthZ(sequences.get(i));
        }
        final List<BinWeightedMean.Estimate> estimates =
                BinWeightedMean.of(
                        simulator.simulate(z, new SplittableRandom(seed), gates).counts());
        final List<TrainingExample> out = new ArrayList<>(z.length);
        for (int i = 0; i < z.length; i++) {
            final BinWeightedMean.Estimate e = estimates.get(i);
            if (!e.empty()) {
                out.add(new TrainingExample(sequences.get(i), e.value().orElseThrow()));
            }
        }
        return out;
    }

    /** Pearson r of measurements and truth: the ceiling of a model trained on them. */
    double accuracy(final List<TrainingExample> measured) {
        final double[] values = new double[measured.size()];
        final double[] z = new double[measured.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = measured.get(i).value();
            z[i] = truthZ(measured.get(i).sequence());
        }
        return Correlations.pearson(values, z).value();
    }
}
