package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.AltererResult;
import io.jenetics.CharacterGene;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaseSubstitutionTest {
    private static final String BASES = "ACGT";

    private static ISeq<Phenotype<CharacterGene, Double>> population(
            final int size, final long seed) {
        return RandomRegistry.with(new SplittableRandom(seed))
                .call(
                        () ->
                                DnaCodecs.ofLength(80)
                                        .encoding()
                                        .instances()
                                        .limit(size)
                                        .map(g -> Phenotype.of(g, 0, 1.0))
                                        .collect(ISeq.toISeq()));
    }

    private static AltererResult<CharacterGene, Double> mutate(
            final ISeq<Phenotype<CharacterGene, Double>> population,
            final double individual,
            final double rate,
            final long seed) {
        return RandomRegistry.with(new SplittableRandom(seed))
                .call(() -> new BaseSubstitution<Double>(individual, rate).alter(population, 1));
    }

    @Test
    void aSubstitutionNeverKeepsTheBaseAndPicksTheOtherThreeUniformly() {
        final SplittableRandom random = new SplittableRandom(5);
        for (final char from : BASES.toCharArray()) {
            final int[] counts = new int[4];
            for (int i = 0; i < 30_000; i++) {
                counts[BASES.indexOf(BaseSubstitution.substitute(from, random))]++;
            }
            assertThat(counts[BASES.indexOf(from)]).as("%s to itself", from).isZero();
            for (int to = 0; to < 4; to++) {
                if (BASES.charAt(to) != from) {
                    assertThat(counts[to] / 30_000.0)
                            .as("%s to %s", from, BASES.charAt(to))
                            .isCloseTo(1 / 3.0, within(0.015));
                }
            }
        }
    }

    @Test
    void everyBaseChangesAtTheConfiguredRate() {
        // 4,000 x 80 = 320,000 bases at 0.025: 8,000 substitutions expected, sd ~ 88. The
        // reference's bug (G and T may "mutate" to themselves) would realise only ~0.0208.
        final ISeq<Phenotype<CharacterGene, Double>> before = population(4_000, 1);
        final AltererResult<CharacterGene, Double> result = mutate(before, 1.0, 0.025, 2);
        final long[] seen = new long[4];
        final long[] changed = new long[4];
        for (int i = 0; i < before.size(); i++) {
            final DnaSequence a = DnaCodecs.decode(before.get(i).genotype());
            final DnaSequence b = DnaCodecs.decode(result.population().get(i).genotype());
            for (int j = 0; j < a.length(); j++) {
                final int from = BASES.indexOf(a.baseAt(j));
                seen[from]++;
                if (a.baseAt(j) != b.baseAt(j)) {
                    changed[from]++;
                }
            }
        }
        final long total = changed[0] + changed[1] + changed[2] + changed[3];
        assertThat(result.alterations()).isEqualTo((int) total);
        assertThat(total / 320_000.0).isCloseTo(0.025, within(0.001));
        for (int b = 0; b < 4; b++) {
            assertThat((double) changed[b] / seen[b])
                    .as("rate for %s", BASES.charAt(b))
                    .isCloseTo(0.025, within(0.002));
        }
    }

    @Test
    void individualsAreChosenWithTheirOwnProbability() {
        // At rate 1 every base of a chosen individual changes, so chosen = changed.
        final ISeq<Phenotype<CharacterGene, Double>> before = population(5_000, 3);
        final ISeq<Phenotype<CharacterGene, Double>> after =
                mutate(before, 0.1, 1.0, 4).population();
        int mutated = 0;
        for (int i = 0; i < before.size(); i++) {
            if (after.get(i) != before.get(i)) {
                mutated++;
                final DnaSequence a = DnaCodecs.decode(before.get(i).genotype());
                final DnaSequence b = DnaCodecs.decode(after.get(i).genotype());
                assertThat(a.hammingDistance(b)).isEqualTo(80);
                assertThat(after.get(i).isEvaluated()).isFalse();
                assertThat(after.get(i).generation()).isEqualTo(1);
            }
        }
        assertThat(mutated / 5_000.0).isCloseTo(0.1, within(0.013));
    }

    @Test
    void unchangedIndividualsKeepTheirFitness() {
        final ISeq<Phenotype<CharacterGene, Double>> before = population(100, 5);
        final AltererResult<CharacterGene, Double> result = mutate(before, 1.0, 0.0, 6);
        assertThat(result.alterations()).isZero();
        assertThat(result.population().asList()).containsExactlyElementsOf(before.asList());
    }
}
