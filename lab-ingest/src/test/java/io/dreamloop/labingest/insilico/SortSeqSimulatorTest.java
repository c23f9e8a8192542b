package io.dreamloop.labingest.insilico;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.labingest.estimation.BinWeightedMean;
import io.dreamloop.labingest.estimation.SortGates;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SortSeqSimulatorTest {
    private static final SortSeqSimulator SIMULATOR =
            new SortSeqSimulator(
                    SortGates.contiguous(18, SortGates.DEFAULT_TAIL_P),
                    new SortSeqSimulator.Settings(
                            100, SortSeqSimulator.CellCounts.POISSON, 10, 10));

    private static double[] normal(final int n, final double mean, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + random.nextGaussian();
        }
        return out;
    }

    private static double meanBin(final SimulatedRun run) {
        final List<BinWeightedMean.Estimate> estimates = BinWeightedMean.of(run.counts());
        return estimates.stream()
                .filter(e -> !e.empty())
                .mapToDouble(e -> e.value().orElseThrow())
                .average()
                .orElseThrow();
    }

    @Test
    void gatesKeptFromAReferenceSortPutALaterLibraryOnTheSameScale() {
        final double[] reference = normal(2000, 0, 1);
        final double[] brighter = normal(2000, 1, 2);
        final Population gates = SIMULATOR.gatesOn(reference, new SplittableRandom(3));

        final double referenceBin =
                meanBin(SIMULATOR.simulate(reference, new SplittableRandom(4), gates));
        final double ownGates = meanBin(SIMULATOR.simulate(brighter, new SplittableRandom(5)));
        final SimulatedRun fixed = SIMULATOR.simulate(brighter, new SplittableRandom(5), gates);

        // Gates placed on its own cells re-centre a brighter library; kept gates show it brighter.
        assertThat(ownGates).isCloseTo(referenceBin, org.assertj.core.data.Offset.offset(0.3));
        assertThat(meanBin(fixed)).isGreaterThan(referenceBin + 2);
        assertThat(fixed.zMeans()[0])
                .isCloseTo(brighter[0], org.assertj.core.data.Offset.offset(0.1));
    }
}
