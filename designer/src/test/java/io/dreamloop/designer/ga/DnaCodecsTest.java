package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.jenetics.CharacterGene;
import io.jenetics.Genotype;
import io.jenetics.engine.Codec;
import io.jenetics.util.RandomRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DnaCodecsTest {

    @Test
    void newGenotypesAreUniformOverTheFourBasesAndSeeded() {
        final Codec<DnaSequence, CharacterGene> codec = DnaCodecs.ofLength(80);
        final List<DnaSequence> a =
                RandomRegistry.with(new SplittableRandom(1))
                        .call(
                                () ->
                                        codec.encoding()
                                                .instances()
                                                .limit(1_000)
                                                .map(codec::decode)
                                                .toList());
        final List<DnaSequence> b =
                RandomRegistry.with(new SplittableRandom(1))
                        .call(
                                () ->
                                        codec.encoding()
                                                .instances()
                                                .limit(1_000)
                                                .map(codec::decode)
                                                .toList());
        assertThat(a).isEqualTo(b);
        final long[] counts = new long[128];
        a.forEach(s -> s.bases().chars().forEach(c -> counts[c]++));
        for (final char base : "ACGT".toCharArray()) {
            assertThat(counts[base] / 80_000.0).isCloseTo(0.25, within(0.01));
        }
    }

    @Test
    void encodeAndDecodeAreInverseAndShareGenes() {
        final DnaSequence s = DnaSequence.of("ACGTTGCAAC");
        final Genotype<CharacterGene> g = DnaCodecs.encode(s);
        assertThat(DnaCodecs.decode(g)).isEqualTo(s);
        assertThat(g.chromosome().get(0)).isSameAs(g.chromosome().get(7));
        assertThatThrownBy(() -> DnaCodecs.encode(DnaSequence.of("ACNT")))
                .hasMessageStartingWith("unresolved base 'N' at position 3");
    }

    @Test
    void anOligoScorerSeesTheVariableRegionInItsFlanks() {
        final Flanks flanks = new Flanks(DnaSequence.of("AAA"), DnaSequence.of("TT"));
        final SequenceScorer lengths =
                SequenceScorer.ofOligos(
                        flanks,
                        oligos ->
                                new double[][] {
                                    oligos.stream().mapToDouble(DnaSequence::length).toArray(),
                                    oligos.stream()
                                            .mapToDouble(o -> o.bases().startsWith("AAAC") ? 1 : 0)
                                            .toArray()
                                });
        assertThat(lengths.score(List.of(DnaSequence.of("CG"), DnaSequence.of("CGCG"))))
                .isEqualTo(new double[][] {{7, 9}, {1, 1}});
    }

    @Test
    void substitutedChangesExactlyThatManyBasesEachToAnotherBase() {
        final DnaSequence s = DnaSequence.of("ACGT".repeat(20));
        final SplittableRandom random = new SplittableRandom(4);
        for (final int count : new int[] {0, 1, 2, 5, 80, 500}) {
            assertThat(differences(s, DnaCodecs.substituted(s, count, random)))
                    .isEqualTo(Math.min(count, 80));
        }
        assertThatThrownBy(() -> DnaCodecs.substituted(s, -1, random))
                .hasMessage("count must be >= 0, but was -1");
    }

    private static int differences(final DnaSequence a, final DnaSequence b) {
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            n += a.bases().charAt(i) == b.bases().charAt(i) ? 0 : 1;
        }
        return n;
    }
}
