package io.dreamloop.contracts.motif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MotifTest {

    private static final double PSEUDO = 0.1;

    @Test
    void consensusHasTheHighestLogOddsAtEveryPositionAndOverall() {
        final Random random = new Random(7);
        for (final Motif motif : JasparFiles.selected()) {
            final double[][] logOdds = motif.logOdds(PSEUDO);
            final String consensus = motif.consensus().bases();
            for (int i = 0; i < logOdds.length; i++) {
                final double best = logOdds[i]["ACGT".indexOf(consensus.charAt(i))];
                for (final double v : logOdds[i]) {
                    assertThat(best).isGreaterThanOrEqualTo(v);
                }
            }
            final ScoringMatrix matrix = new ScoringMatrix(motif, PSEUDO);
            assertThat(matrix.forward(motif.consensus(), 0))
                    .isCloseTo(matrix.maxScore(), within(1e-9));
            for (int k = 0; k < 500; k++) {
                final DnaSequence other =
                        DnaSequence.of(JasparFiles.randomBases(random, motif.length()));
                assertThat(matrix.forward(other, 0)).isLessThanOrEqualTo(matrix.maxScore() + 1e-9);
            }
        }
    }

    @Test
    void reverseComplementIsAnInvolutionAndReadsTheOppositeStrand() {
        final Motif reb1 = byName("REB1");

        assertThat(reb1.reverseComplement().reverseComplement()).isEqualTo(reb1);
        final ScoringMatrix rc = new ScoringMatrix(reb1.reverseComplement(), PSEUDO);
        assertThat(rc.forward(reb1.consensus().reverseComplement(), 0))
                .isCloseTo(rc.maxScore(), within(1e-9));
    }

    @Test
    void scanningIsSymmetricUnderReverseComplement() {
        final Random random = new Random(11);
        for (final Motif motif : JasparFiles.selected()) {
            final ScoringMatrix matrix = new ScoringMatrix(motif, PSEUDO);
            final DnaSequence seq = DnaSequence.of(JasparFiles.randomBases(random, 110));
            final DnaSequence rc = seq.reverseComplement();
            final int last = seq.length() - motif.length();
            for (int i = 0; i <= last; i++) {
                assertThat(matrix.reverse(seq, i))
                        .isCloseTo(matrix.forward(rc, last - i), within(1e-9));
                assertThat(matrix.forward(seq, i))
                        .isCloseTo(matrix.reverse(rc, last - i), within(1e-9));
            }
        }
    }

    @Test
    void unresolvedBaseScoresZero() {
        final ScoringMatrix matrix = new ScoringMatrix(byName("REB1"), PSEUDO);

        assertThat(matrix.forward(DnaSequence.of("N".repeat(9)), 0)).isZero();
    }

    @Test
    void rejectsInvalidMatrices() {
        assertThatThrownBy(() -> new Motif("X", "X", new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> new Motif("X", "X", new double[][] {{0, 0, 0, 0}}))
                .hasMessageContaining("sums to zero");
        assertThatThrownBy(() -> byName("REB1").logOdds(0)).hasMessageContaining("pseudocount");
    }

    static Motif byName(final String name) {
        return JasparFiles.selected().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
