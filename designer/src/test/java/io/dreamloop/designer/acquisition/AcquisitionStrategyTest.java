package io.dreamloop.designer.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AcquisitionStrategyTest {

    /** 100 random 20-mers; candidate i predicts (i, i + spread_i) with spread_i = i mod 7. */
    private static List<Candidate> candidates() {
        final SplittableRandom random = new SplittableRandom(5);
        final List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            final char[] bases = new char[20];
            for (int j = 0; j < bases.length; j++) {
                bases[j] = "ACGT".charAt(random.nextInt(4));
            }
            out.add(new Candidate(DnaSequence.of(new String(bases)), new double[] {i, i + i % 7}));
        }
        return out;
    }

    @Test
    void uncertaintyTakesTheLargestEnsembleSpreadFirst() {
        final List<Acquired> batch =
                AcquisitionStrategy.named("uncertainty", 0)
                        .choose(candidates(), 10, new SplittableRandom(1));

        assertThat(batch).hasSize(10);
        // Spread 6 (sd 3) for i = 6, 13, 20, ...: the first ten of them, in the candidates' order.
        assertThat(batch)
                .extracting(a -> a.candidate().prediction(0))
                .containsExactly(6.0, 13.0, 20.0, 27.0, 34.0, 41.0, 48.0, 55.0, 62.0, 69.0);
        assertThat(batch).allSatisfy(a -> assertThat(a.score()).isEqualTo(3.0));
        assertThat(batch.getFirst().reason())
                .isEqualTo("ensemble sd 3.000 (rank 1 of 100 candidates)");
        assertThat(batch).extracting(Acquired::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void exploitTakesTheExtremesAndDisagreementTheDifference() {
        final List<Candidate> all = candidates();
        assertThat(
                        AcquisitionStrategy.named("exploit-high", 0)
                                .choose(all, 2, new SplittableRandom(1)))
                .extracting(a -> a.candidate().prediction(0))
                .containsExactly(97.0, 99.0); // means 100 and 99.5 (97 + 6/2 vs 99 + 1/2)
        assertThat(
                        AcquisitionStrategy.named("exploit-low", 0)
                                .choose(all, 2, new SplittableRandom(1)))
                .extracting(Acquired::score)
                .containsExactly(0.0, 1.5); // i = 0 and i = 1 (mean of 1 and 2)
        assertThat(
                        AcquisitionStrategy.named("disagreement", 0)
                                .choose(all, 1, new SplittableRandom(1)))
                .singleElement()
                .satisfies(a -> assertThat(a.score()).isEqualTo(6.0));
    }

    @Test
    void randomIsSeededDistinctAndSaysSo() {
        final List<Acquired> a =
                new RandomAcquisition().choose(candidates(), 30, new SplittableRandom(9));
        final List<Acquired> b =
                new RandomAcquisition().choose(candidates(), 30, new SplittableRandom(9));
        final List<Acquired> c =
                new RandomAcquisition().choose(candidates(), 30, new SplittableRandom(10));

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(new HashSet<>(a.stream().map(Acquired::candidate).toList())).hasSize(30);
        assertThat(a.getFirst().reason()).isEqualTo("random draw 1 of 30 from 100 candidates");
        assertThat(new RandomAcquisition().choose(candidates(), 500, new SplittableRandom(9)))
                .hasSize(100);
    }

    @Test
    void diversityPassesOverNearCopiesOfAChosenSequence() {
        final DnaSequence base = DnaSequence.of("AAAAAAAAAAAAAAAAAAAA");
        final List<Candidate> close =
                List.of(
                        new Candidate(base, new double[] {0, 10}),
                        new Candidate(DnaSequence.of("AAAAAAAAAAAAAAAAAAAC"), new double[] {0, 9}),
                        new Candidate(DnaSequence.of("CCCCCAAAAAAAAAAAAAAA"), new double[] {0, 8}),
                        new Candidate(DnaSequence.of("GGGGGGGGGGGGGGGGGGGG"), new double[] {0, 1}));

        final List<Acquired> batch =
                AcquisitionStrategy.named("uncertainty", 5)
                        .choose(close, 3, new SplittableRandom(1));

        // The one-substitution copy is passed over; five substitutions are far enough.
        assertThat(batch)
                .extracting(a -> a.candidate().sequence().bases())
                .containsExactly(
                        "AAAAAAAAAAAAAAAAAAAA", "CCCCCAAAAAAAAAAAAAAA", "GGGGGGGGGGGGGGGGGGGG");
        assertThat(batch.getFirst().reason())
                .endsWith(">= 5 substitutions from the rest of the batch)");
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        assertThatThrownBy(() -> AcquisitionStrategy.named("greedy", 0))
                .hasMessage(
                        "unknown acquisition strategy 'greedy'; known: [random, uncertainty, diverse-uncertainty, mixed, disagreement, exploit-high, exploit-low]");
        final Candidate single = new Candidate(DnaSequence.of("ACGT"), new double[] {1});
        assertThatThrownBy(
                        () ->
                                AcquisitionStrategy.named("uncertainty", 0)
                                        .choose(List.of(single), 1, new SplittableRandom(1)))
                .hasMessage(
                        "uncertainty needs predictions of at least 2 models, but candidate ACGT has 1");
        assertThatThrownBy(
                        () ->
                                new RandomAcquisition()
                                        .choose(List.of(single), 0, new SplittableRandom(1)))
                .hasMessage("budget must be >= 1, but was 0");
        assertThatThrownBy(() -> new Candidate(DnaSequence.of("ACGT"), new double[] {Double.NaN}))
                .hasMessage("candidate ACGT has a non-finite prediction: [NaN]");
    }
}
