package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.AltererResult;
import io.jenetics.CharacterGene;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedTwoPointCrossoverTest {

    private static ISeq<Phenotype<CharacterGene, Double>> pairs(final int pairs) {
        // Even individuals all A, odd ones all C: every swapped base is visible.
        final List<Phenotype<CharacterGene, Double>> b = new ArrayList<>();
        for (int i = 0; i < 2 * pairs; i++) {
            b.add(
                    Phenotype.of(
                            DnaCodecs.encode(DnaSequence.of((i % 2 == 0 ? "A" : "C").repeat(20))),
                            0,
                            1.0));
        }
        return ISeq.of(b);
    }

    private static AltererResult<CharacterGene, Double> cross(
            final ISeq<Phenotype<CharacterGene, Double>> population, final double p) {
        return RandomRegistry.with(new SplittableRandom(9))
                .call(() -> new PairedTwoPointCrossover<Double>(p).alter(population, 3));
    }

    @Test
    void consecutivePairsSwapOneInnerSegment() {
        final ISeq<Phenotype<CharacterGene, Double>> population = pairs(500);
        final ISeq<Phenotype<CharacterGene, Double>> after = cross(population, 1.0).population();
        for (int i = 0; i < after.size(); i += 2) {
            final String a = DnaCodecs.decode(after.get(i).genotype()).bases();
            final String b = DnaCodecs.decode(after.get(i + 1).genotype()).bases();
            // The children complement each other and carry the partner's bases in one run that
            // never includes position 0 (DEAP's cut points are in [1, size]).
            assertThat(a.replace('A', 'x').replace('C', 'A').replace('x', 'C')).isEqualTo(b);
            assertThat(a).matches("A+C+A*");
            assertThat(after.get(i).generation()).isEqualTo(3);
            assertThat(after.get(i).isEvaluated()).isFalse();
        }
    }

    @Test
    void eachPairIsCrossedWithTheConfiguredProbability() {
        final ISeq<Phenotype<CharacterGene, Double>> population = pairs(5_000);
        final AltererResult<CharacterGene, Double> result = cross(population, 0.1);
        int crossed = 0;
        for (int i = 0; i < population.size(); i += 2) {
            if (result.population().get(i) != population.get(i)) {
                crossed++;
                assertThat(result.population().get(i + 1)).isNotSameAs(population.get(i + 1));
            } else {
                assertThat(result.population().get(i + 1)).isSameAs(population.get(i + 1));
            }
        }
        assertThat(crossed / 5_000.0).isCloseTo(0.1, within(0.013));
        assertThat(result.alterations()).isEqualTo(2 * crossed);
    }

    @Test
    void anOddLastIndividualIsLeftAlone() {
        final ISeq<Phenotype<CharacterGene, Double>> population =
                pairs(2).append(List.of(pairs(1).get(0)));
        assertThat(cross(population, 1.0).population().get(4)).isSameAs(population.get(4));
    }
}
