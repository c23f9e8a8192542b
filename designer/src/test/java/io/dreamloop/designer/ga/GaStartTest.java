package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.CharacterGene;
import io.jenetics.Genotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaStartTest {
    private static final DnaSequence ALL_A = DnaSequence.of("A".repeat(80));
    private static final DnaSequence ALL_C = DnaSequence.of("C".repeat(80));

    private static List<DnaSequence> first(final GaStart start, final int size, final long seed) {
        // As in a GA run: the codec's random oligos come from the scoped Jenetics random.
        final ISeq<Genotype<CharacterGene>> g =
                RandomRegistry.with(new SplittableRandom(seed))
                        .call(
                                () ->
                                        start.genotypes(
                                                DnaCodecs.ofLength(80),
                                                size,
                                                RandomRegistry.random()));
        return g.stream().map(DnaCodecs::decode).toList();
    }

    private static int differences(final DnaSequence a, final DnaSequence b) {
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            n += a.bases().charAt(i) == b.bases().charAt(i) ? 0 : 1;
        }
        return n;
    }

    @Test
    void parentsComeFirstThenTheirMutantsThenRandomOligos() {
        final List<DnaSequence> population =
                first(new GaStart(List.of(ALL_A, ALL_C), 0.5, 3), 100, 1);
        assertThat(population).hasSize(100);
        assertThat(population.subList(0, 2)).containsExactly(ALL_A, ALL_C);
        for (int i = 2; i < 50; i++) {
            // Mutants alternate between the parents, each exactly three bases away.
            assertThat(differences(population.get(i), i % 2 == 0 ? ALL_A : ALL_C)).isEqualTo(3);
        }
        assertThat(population.subList(2, 50)).doesNotHaveDuplicates().hasSizeGreaterThan(40);
        for (final DnaSequence random : population.subList(50, 100)) {
            assertThat(differences(random, ALL_A)).isGreaterThan(40);
            assertThat(differences(random, ALL_C)).isGreaterThan(40);
        }
    }

    @Test
    void aRandomStartIsTheCodecsAndEveryStartRepeatsWithItsSeed() {
        final List<DnaSequence> random = first(GaStart.RANDOM, 50, 3);
        assertThat(random).hasSize(50).doesNotContain(ALL_A);
        assertThat(first(GaStart.RANDOM, 50, 3)).isEqualTo(random);
        final GaStart known = GaStart.fromBest(List.of(ALL_A), 2);
        assertThat(first(known, 50, 3)).isEqualTo(first(known, 50, 3));
        assertThat(GaStart.fromBest(List.of(), 2)).isEqualTo(GaStart.RANDOM);
        assertThat(known.describe()).isEqualTo("1 parents, share 0.5, 2 substitutions");
        assertThat(GaStart.RANDOM.describe()).isEqualTo("random");
    }

    @Test
    void inconsistentStartsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new GaStart(List.of(ALL_A), 1.5, 2))
                .hasMessageContaining("share must be in [0, 1]");
        assertThatThrownBy(() -> new GaStart(List.of(), 0.5, 2))
                .hasMessageContaining("needs parents");
        assertThatThrownBy(() -> new GaStart(List.of(ALL_A), 0.5, 0))
                .hasMessageContaining("substitutions must be >= 1");
        assertThatThrownBy(() -> new GaStart(List.of(DnaSequence.of("ACGN")), 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                GaStart.fromBest(List.of(DnaSequence.of("ACGT")), 1)
                                        .requireLength(80))
                .hasMessageContaining("has 4 bases but the design space 80");
    }
}
