package io.dreamloop.labingest.insilico;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The gates and scale of a campaign's sorts, set on a seeded random calibration library of {@value
 * #SIZE} variable regions of the campaign's length in its flanks: the way a lab sets its gates once
 * on a reference population and keeps them, so that a campaign's libraries share gates and scale
 * and their cycles pool in training. The same seed and flanks give the same calibration after a
 * restart.
 *
 * @param scale the calibration library's expression scale
 * @param gates the gates set on it
 */
public record Calibration(Scale scale, Population gates) {

    /** Random variable regions in a calibration library. */
    public static final int SIZE = 5_000;

    public Calibration {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(gates, "gates");
    }

    /**
     * Calibrates on a random library.
     *
     * @param model the ground truth
     * @param simulator the sorter whose gates are set
     * @param upstream the upstream flank
     * @param variableLength the random region's length
     * @param downstream the downstream flank
     * @param seed the lab's seed
     * @return the calibration
     */
    public static Calibration on(
            final OccupancyModel model,
            final SortSeqSimulator simulator,
            final String upstream,
            final int variableLength,
            final String downstream,
            final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] truth = new double[SIZE];
        final char[] bases = new char[variableLength];
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < bases.length; j++) {
                bases[j] = DnaSequence.BASES.charAt(random.nextInt(DnaSequence.BASES.length()));
            }
            truth[i] = model.expression(DnaSequence.of(upstream + new String(bases) + downstream));
        }
        final Scale scale = Scale.of(truth);
        return new Calibration(scale, simulator.gatesOn(scale.z(truth), random));
    }
}
