package io.dreamloop.predictor.model.training;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.nn.DreamAttnConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The blocks on another assay: a synthetic 40-bp table whose two outputs are known functions of the
 * sequence, GC fraction and the count of A.
 *
 * <p>Training on it is not tested here: with the same seed, a run gives bit-identical results in
 * most processes (r 0.988 and 0.943 on 400 rows) but diverges to NaN in some (seen in CI at peak
 * rate 0.005, batch 32, epoch 3), which {@link TrainingLoop} reports as {@link
 * TrainingDivergedException}. The DREAM path showed the same on 100,000 in-silico rows, even at a
 * peak rate of 0.0003. Until the cause is found, the assay path is not relied on.
 */
class AssayTrainerTest {
    private static final int LENGTH = 40;

    static AssayTable synthetic(final int rows, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<DnaSequence> sequences = new ArrayList<>();
        final List<double[]> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            final char[] bases = new char[LENGTH];
            // Vary the composition per row so both outputs spread widely.
            final double gc = random.nextDouble(0.2, 0.8);
            int a = 0;
            for (int j = 0; j < LENGTH; j++) {
                final boolean strong = random.nextDouble() < gc;
                bases[j] = strong ? "GC".charAt(random.nextInt(2)) : "AT".charAt(random.nextInt(2));
                a += bases[j] == 'A' ? 1 : 0;
            }
            final DnaSequence s = DnaSequence.of(new String(bases));
            sequences.add(s);
            values.add(new double[] {s.gcFraction(), a});
        }
        return AssayTable.of(List.of("gc", "countA"), sequences, values);
    }

    @Test
    void attentionNeedsTheTablesLength() {
        final AssayTable.Split data = synthetic(20, 1).split(0.2, 3);
        final AssayJob job =
                AssayJob.of(
                        Architecture.DREAM_ATTN,
                        DreamAttnConfig.cpu(),
                        Recipe.dream(Architecture.DREAM_ATTN));
        assertThatThrownBy(
                        () ->
                                new AssayTrainer()
                                        .train(
                                                job,
                                                data.train(),
                                                data.validation(),
                                                p -> {},
                                                () -> false,
                                                null))
                .hasMessage(
                        "DREAM-Attn configuration is for length 150, but the table's sequences have 40");
    }
}
