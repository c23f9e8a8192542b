package io.dreamloop.designer.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiverseAcquisitionTest {

    private static DnaSequence random40(final SplittableRandom random) {
        final char[] bases = new char[40];
        for (int j = 0; j < bases.length; j++) {
            bases[j] = "ACGT".charAt(random.nextInt(4));
        }
        return DnaSequence.of(new String(bases));
    }

    /** A sequence that is a run of one word: its k-mer profile is one region of the space. */
    private static DnaSequence repeat(final String word) {
        return DnaSequence.of(word.repeat(40 / word.length()));
    }

    @Test
    void aBatchSpreadsOverKmerSpaceInsteadOfTakingOneUncertainFamily() {
        // Ten near-copies of one repeat (sd 3.0, 2.9, ...: the ten most uncertain) and ten random
        // sequences just behind them (sd 2.0): plain uncertainty takes the family, diverse
        // uncertainty takes one of it and then random sequences, which are far from it.
        final List<Candidate> candidates = new ArrayList<>();
        final String family = "ACGTTGCA".repeat(5);
        for (int i = 0; i < 10; i++) {
            final char[] bases = family.toCharArray();
            bases[i] = bases[i] == 'A' ? 'C' : 'A';
            candidates.add(
                    new Candidate(
                            DnaSequence.of(new String(bases)), new double[] {0, 6 - 0.2 * i}));
        }
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10; i++) {
            candidates.add(new Candidate(random40(random), new double[] {0, 4}));
        }

        final List<Acquired> plain =
                AcquisitionStrategy.named("uncertainty", 0)
                        .choose(candidates, 5, new SplittableRandom(1));
        final List<Acquired> diverse =
                AcquisitionStrategy.named("diverse-uncertainty", 0)
                        .choose(candidates, 5, new SplittableRandom(1));

        assertThat(plain).allSatisfy(a -> assertThat(a.score()).isGreaterThan(2.0));
        assertThat(diverse.getFirst().candidate()).isEqualTo(candidates.getFirst());
        assertThat(diverse.subList(1, 5)).allSatisfy(a -> assertThat(a.score()).isEqualTo(2.0));
        assertThat(diverse.getFirst().reason())
                .isEqualTo(
                        "ensemble sd 3.000 (rank 1 of the 20 most uncertain), 4-mer distance -"
                                + " (first) to the batch");
        assertThat(diverse.get(1).reason()).contains("4-mer distance 1.");
        assertThat(diverse).extracting(Acquired::strategy).containsOnly("diverse-uncertainty");
    }

    @Test
    void kmerProfilesAreStrandFreeUnitVectorsThatTellWordsApart() {
        final DnaSequence s = DnaSequence.of("ACGTTGCAAAGGT");
        final float[] forward = KmerProfile.of(s, 3);
        assertThat(forward).containsExactly(KmerProfile.of(s.reverseComplement(), 3));
        assertThat(KmerProfile.squaredDistance(forward, new float[64])).isCloseTo(1.0, within());
        assertThat(KmerProfile.squaredDistance(KmerProfile.of(repeat("AC"), 3), forward))
                .isGreaterThan(
                        KmerProfile.squaredDistance(
                                KmerProfile.of(DnaSequence.of("ACGTTGCAAAGGA"), 3), forward));
        assertThat(KmerProfile.of(DnaSequence.of("NNNN"), 2)).containsOnly(0f);
    }

    @Test
    void mixedDrawsItsRandomShareFromWhatTheInformedPartLeft() {
        final SplittableRandom random = new SplittableRandom(11);
        final List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            candidates.add(new Candidate(random40(random), new double[] {0, i}));
        }

        final List<Acquired> batch =
                AcquisitionStrategy.named("mixed", 0)
                        .choose(candidates, 10, new SplittableRandom(2));

        assertThat(batch).hasSize(10);
        assertThat(new HashSet<>(batch.stream().map(Acquired::candidate).toList())).hasSize(10);
        assertThat(batch).extracting(Acquired::strategy).containsOnly("mixed");
        assertThat(batch).extracting(Acquired::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // The informed half comes from the 20 most uncertain (shortlist of four per chosen one).
        assertThat(batch.subList(0, 5)).allSatisfy(a -> assertThat(a.score()).isGreaterThan(14.0));
        assertThat(batch.subList(5, 10))
                .allSatisfy(a -> assertThat(a.reason()).startsWith("random share: random draw"));
        assertThat(
                        AcquisitionStrategy.named("mixed", 0)
                                .choose(candidates, 10, new SplittableRandom(2)))
                .isEqualTo(batch);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new DiverseUncertainty(0, 4))
                .hasMessage("k must be 1 to 6, but was 0");
        assertThatThrownBy(() -> new DiverseUncertainty(4, 0))
                .hasMessage("shortlist must be >= 1, but was 0");
        assertThatThrownBy(() -> new MixedAcquisition("m", new RandomAcquisition(), 1.0))
                .hasMessage("randomShare must be in (0, 1), but was 1.0");
        final Candidate single = new Candidate(DnaSequence.of("ACGT"), new double[] {1});
        assertThatThrownBy(
                        () ->
                                DiverseUncertainty.defaults()
                                        .choose(List.of(single), 1, new SplittableRandom(1)))
                .hasMessageContaining("uncertainty needs predictions of at least 2 models");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
