package io.dreamloop.labingest.insilico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.motif.Motif;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Effects the Javadoc of {@link OccupancyModel} promises, measured on seeded random backgrounds.
 */
class OccupancyModelTest {

    private static final int BACKGROUNDS = 300;
    private static final List<Motif> MOTIFS = Oligos.selected();
    private final OccupancyModel model =
            new OccupancyModel(OccupancyModel.Parameters.yeastDefaults(MOTIFS));

    @Test
    void defaultsCoverAllSixteenFactorsWithActivatorsAndRepressors() {
        final var factors = model.parameters().factors();

        assertThat(factors).hasSize(16);
        assertThat(factors)
                .filteredOn(f -> f.activity() < 0)
                .extracting(f -> f.motif().name())
                .containsExactlyInAnyOrder("UME6", "MOT3");
    }

    @Test
    void activatorConsensusRaisesExpressionAndRepressorLowersIt() {
        for (final String activator : List.of("REB1", "RAP1", "ABF1")) {
            assertThat(meanEffect(consensus(activator), 40)).as(activator).isGreaterThan(0.5);
        }
        assertThat(meanEffect("TTACCCG", 40)).as("REB1 core").isGreaterThan(0.5);
        assertThat(meanEffect(consensus("UME6"), 40)).as("UME6").isLessThan(-0.5);
        assertThat(meanEffect(consensus("MOT3"), 40)).as("MOT3").isLessThan(0);
    }

    @Test
    void sitesNearTheThreePrimeEndActMoreStrongly() {
        final String reb1 = consensus("REB1");

        assertThat(meanEffect(reb1, 70)).isGreaterThan(meanEffect(reb1, 35));
        assertThat(meanEffect(reb1, 35)).isGreaterThan(meanEffect(reb1, 0));
    }

    @Test
    void reverseStrandSitesActLessForOrientedFactors() {
        final String mga1 = consensus("MGA1");
        final String mga1Rc = DnaSequence.of(mga1).reverseComplement().bases();

        assertThat(meanEffect(mga1, 40)).isGreaterThan(meanEffect(mga1Rc, 40));
    }

    @Test
    void palindromicFactorIsOrientationIndependent() {
        final String cbf1 = consensus("CBF1");
        final String cbf1Rc = DnaSequence.of(cbf1).reverseComplement().bases();

        assertThat(meanEffect(cbf1, 40)).isGreaterThan(0);
        assertThat(Math.abs(meanEffect(cbf1, 40) - meanEffect(cbf1Rc, 40))).isLessThan(0.2);
    }

    @Test
    void polyATractRaisesExpression() {
        assertThat(meanEffect("A".repeat(12), 40)).isGreaterThan(0.3);
        assertThat(meanEffect("T".repeat(12), 40)).isGreaterThan(0.3);
    }

    @Test
    void sameInputGivesSameOutput() {
        final DnaSequence oligo = Oligos.oligo(Oligos.randomBases(new Random(3), 80));
        final OccupancyModel again =
                new OccupancyModel(OccupancyModel.Parameters.yeastDefaults(Oligos.selected()));

        assertThat(model.expression(oligo)).isEqualTo(model.expression(oligo));
        assertThat(again.expression(oligo)).isEqualTo(model.expression(oligo));
    }

    @Test
    void randomizedParametersAreSeededAndKeepSigns() {
        final var defaults = model.parameters();
        final var a = defaults.randomized(42);

        assertThat(defaults.randomized(42)).isEqualTo(a);
        assertThat(defaults.randomized(43)).isNotEqualTo(a);
        for (int i = 0; i < a.factors().size(); i++) {
            assertThat(Math.signum(a.factors().get(i).activity()))
                    .isEqualTo(Math.signum(defaults.factors().get(i).activity()));
        }
    }

    @Test
    void positionWeightAndSquashingAreMonotone() {
        final var p = model.parameters();

        assertThat(p.positionWeight(0)).isEqualTo(1.0);
        assertThat(p.positionWeight(10)).isGreaterThan(p.positionWeight(50));
        assertThat(p.positionWeight(1e9))
                .isCloseTo(p.positionFloor(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(p.toBins(-1e3)).isGreaterThanOrEqualTo(0);
        assertThat(p.toBins(1e3)).isLessThanOrEqualTo(17);
        assertThat(p.toBins(1)).isLessThan(p.toBins(2));
    }

    @Test
    void rejectsOutOfRangeParameters() {
        final Motif reb1 = MOTIFS.get(8);

        assertThatThrownBy(() -> new OccupancyModel.Parameters.Factor(reb1, 1, -5, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reverseStrandFactor");
    }

    /** Mean change in bins from writing {@code site} at {@code offset} of the variable region. */
    private double meanEffect(final String site, final int offset) {
        final Random random = new Random(99);
        double sum = 0;
        for (int i = 0; i < BACKGROUNDS; i++) {
            final String background = Oligos.randomBases(random, Oligos.VARIABLE);
            sum +=
                    model.expression(Oligos.oligo(Oligos.insert(background, site, offset)))
                            - model.expression(Oligos.oligo(background));
        }
        return sum / BACKGROUNDS;
    }

    private static String consensus(final String name) {
        return Oligos.byName(name).consensus().bases();
    }
}
