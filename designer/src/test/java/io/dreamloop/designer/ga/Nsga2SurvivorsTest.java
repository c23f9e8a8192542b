package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.CharacterGene;
import io.jenetics.Genotype;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import org.junit.jupiter.api.Test;

class Nsga2SurvivorsTest {
    private static final Genotype<CharacterGene> ANY = DnaCodecs.encode(DnaSequence.of("ACGT"));

    private static Phenotype<CharacterGene, Vec<double[]>> pt(final double x, final double y) {
        return Phenotype.of(ANY, 0, Vec.of(x, y));
    }

    private static double[] data(final Phenotype<CharacterGene, Vec<double[]>> pt) {
        return pt.fitness().data();
    }

    @Test
    void wholeFrontsFirstThenTheLastFrontCutByItsOwnCrowding() {
        // Front 0: three points; front 1: a line of five; front 2: one point.
        final ISeq<Phenotype<CharacterGene, Vec<double[]>>> population =
                ISeq.of(
                        pt(10, 0), pt(0, 10), pt(6, 6), pt(5, 1), pt(4, 2), pt(3, 3), pt(2, 4),
                        pt(1, 5), pt(0, 0));
        final var chosen =
                new Nsga2Survivors<CharacterGene, double[], Vec<double[]>>()
                        .select(population, 5, Optimize.MAXIMUM);
        assertThat(chosen.subSeq(0, 3).asList())
                .containsExactlyElementsOf(population.subSeq(0, 3).asList());
        // The two survivors of front 1 are its extremes (infinite crowding distance).
        assertThat(chosen.subSeq(3, 5).stream().map(Nsga2SurvivorsTest::data))
                .containsExactlyInAnyOrder(new double[] {5, 1}, new double[] {1, 5});
    }

    @Test
    void frontsAreRankedBestFirst() {
        final ISeq<Phenotype<CharacterGene, Vec<double[]>>> population =
                ISeq.of(pt(0, 0), pt(2, 1), pt(1, 2), pt(1, 1));
        final var fronts = Nsga2Survivors.fronts(population, Optimize.MAXIMUM);
        assertThat(fronts).hasSize(3);
        assertThat(fronts.get(0)).containsExactly(population.get(1), population.get(2));
        assertThat(fronts.get(2)).containsExactly(population.get(0));
        assertThat(Nsga2Survivors.fronts(population, Optimize.MINIMUM).getFirst())
                .containsExactly(population.get(0));
    }
}
