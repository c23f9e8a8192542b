package io.dreamloop.labingest.insilico;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Output distribution over a random library, determinism and speed. */
class OccupancyModelDistributionTest {

    private final OccupancyModel model =
            new OccupancyModel(OccupancyModel.Parameters.yeastDefaults(Oligos.selected()));

    @Test
    void randomLibrarySpansMuchOfTheBinScale() {
        final Random random = new Random(2022);
        final double[] values = new double[2_000];
        final double[] raw = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            final DnaSequence oligo = Oligos.oligo(Oligos.randomBases(random, Oligos.VARIABLE));
            values[i] = model.expression(oligo);
            raw[i] = model.rawActivity(oligo);
        }
        final DoubleSummaryStatistics stats = java.util.Arrays.stream(values).summaryStatistics();
        final double sd = sd(values, stats.getAverage());
        final DoubleSummaryStatistics rawStats = java.util.Arrays.stream(raw).summaryStatistics();
        System.out.printf(
                "random library (n=%d): mean %.2f sd %.2f min %.2f max %.2f | raw mean %.2f sd %.2f min %.2f max %.2f%n",
                values.length,
                stats.getAverage(),
                sd,
                stats.getMin(),
                stats.getMax(),
                rawStats.getAverage(),
                sd(raw, rawStats.getAverage()),
                rawStats.getMin(),
                rawStats.getMax());
        assertThat(sd).isGreaterThan(1);
        assertThat(stats.getMin()).isGreaterThanOrEqualTo(0);
        assertThat(stats.getMax()).isLessThanOrEqualTo(17);
        assertThat(stats.getMax() - stats.getMin()).isGreaterThan(6);
    }

    @Test
    void printsThroughput() {
        final Random random = new Random(5);
        final List<DnaSequence> oligos = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            oligos.add(Oligos.oligo(Oligos.randomBases(random, Oligos.VARIABLE)));
        }
        double checksum = 0;
        final long start = System.nanoTime();
        for (final DnaSequence oligo : oligos) {
            checksum += model.expression(oligo);
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "throughput: %d oligos in %.2f s = %.0f sequences/s (checksum %.3f)%n",
                oligos.size(), seconds, oligos.size() / seconds, checksum);
        assertThat(checksum).isPositive();
    }

    private static double sd(final double[] values, final double mean) {
        double ss = 0;
        for (final double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
