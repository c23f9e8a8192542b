package io.dreamloop.contracts.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DnaSequenceTest {

    @Test
    void basesAreTheAlphabetWithoutN() {
        assertThat(DnaSequence.BASES).isEqualTo("ACGT");
        assertThat(DnaSequence.ALPHABET).isEqualTo(DnaSequence.BASES + "N");
    }

    @Test
    void rejectsInvalidBaseNamingItsPosition() {
        assertThatThrownBy(() -> DnaSequence.of("ACGTXACGT"))
                .isInstanceOf(InvalidSequenceException.class)
                .hasMessage("invalid base 'X' at position 5 of 9 (allowed: A, C, G, T, N)");
    }

    @Test
    void rejectsLowerCaseUnlessParsed() {
        assertThatThrownBy(() -> DnaSequence.of("ACgT"))
                .hasMessageContaining("invalid base 'g' at position 3");
        assertThat(DnaSequence.parse(" acgt\n").bases()).isEqualTo("ACGT");
    }

    @Test
    void rejectsEmptyAndOverlongAndControlCharacters() {
        assertThatThrownBy(() -> DnaSequence.of("")).hasMessage("empty sequence");
        assertThatThrownBy(() -> DnaSequence.of("A".repeat(DnaSequence.MAX_LENGTH + 1)))
                .hasMessage("sequence of length 2001 exceeds the maximum of 2000 bases");
        assertThatThrownBy(() -> DnaSequence.of("AC\tG"))
                .hasMessageContaining("invalid base '\\u0009' at position 3");
    }

    @Test
    void designedSequencesMustBeDefinite() {
        final DnaSequence measured = DnaSequence.of("ACGNNT");
        assertThat(measured.isDefinite()).isFalse();
        assertThatThrownBy(measured::requireDefinite)
                .hasMessageStartingWith("unresolved base 'N' at position 4 of 6");
    }

    @Test
    void reverseComplementIsAnInvolution() {
        final DnaSequence s = DnaSequence.of("AACGTNG");
        assertThat(s.reverseComplement().bases()).isEqualTo("CNACGTT");
        assertThat(s.reverseComplement().reverseComplement()).isEqualTo(s);
    }

    @Test
    void composition() {
        final DnaSequence s = DnaSequence.of("GGGCATTTTA");
        assertThat(s.gcFraction()).isEqualTo(0.4);
        assertThat(s.longestHomopolymer()).isEqualTo(4);
        assertThat(s.hammingDistance(DnaSequence.of("GGGCATTTTT"))).isEqualTo(1);
        assertThatThrownBy(() -> s.hammingDistance(DnaSequence.of("A")))
                .hasMessageContaining("equal lengths");
        assertThat(s.hammingDistanceBelow(DnaSequence.of("GGGCATTTTT"), 2)).isTrue();
        assertThat(s.hammingDistanceBelow(DnaSequence.of("GGGCATTTTT"), 1)).isFalse();
        assertThat(s.hammingDistanceBelow(DnaSequence.of("CCCCATTTTA"), 3)).isFalse();
        assertThat(s.hammingDistanceBelow(s, 1)).isTrue();
        assertThatThrownBy(() -> s.hammingDistanceBelow(DnaSequence.of("A"), 2))
                .hasMessageContaining("equal lengths");
        assertThat(s.containsEitherStrand(DnaSequence.of("AAAATG"))).isTrue();
        assertThat(Flanks.DREAM_2022.wrap(DnaSequence.of("A".repeat(80))).length()).isEqualTo(110);
    }

    @Test
    void subsetWireNames() {
        assertThat(Subset.MOTIF_PERTURBATION.wireName()).isEqualTo("motif-perturbation");
        assertThat(Subset.fromWireName("snv")).isEqualTo(Subset.SNV);
        assertThat(Subset.SNV.paired()).isTrue();
        assertThatThrownBy(() -> Subset.fromWireName("medium"))
                .hasMessageStartingWith("unknown subset 'medium'; known: high, low");
    }
}
