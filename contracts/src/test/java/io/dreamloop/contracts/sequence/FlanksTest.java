package io.dreamloop.contracts.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlanksTest {
    private static final DnaSequence VARIABLE = DnaSequence.of("ACGT".repeat(20));

    @Test
    void unwrapTakesBackWhatWrapAdded() {
        final DnaSequence oligo = Flanks.DREAM_2022.wrap(VARIABLE);
        assertThat(oligo.length()).isEqualTo(110);
        assertThat(Flanks.DREAM_2022.unwrap(oligo)).isEqualTo(VARIABLE);
    }

    @Test
    void anOligoWithoutTheFlanksIsRefusedWithBoth() {
        assertThatThrownBy(() -> Flanks.DREAM_2022.unwrap(VARIABLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "does not carry the flanks TGCATTTTTTTCACATC...GGTTACGGCTGTT");
        assertThatThrownBy(
                        () ->
                                Flanks.DREAM_2022.unwrap(
                                        DnaSequence.of("TGCATTTTTTTCACATCGGTTACGGCTGTT")
                                                .subsequence(0, 20)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOligoCarriesBothFlanksApartAndNothingShorterDoes() {
        final Flanks dream = Flanks.DREAM_2022;
        assertThat(dream.carriedBy(dream.wrap(VARIABLE).bases())).isTrue();
        assertThat(dream.carriedBy("TGCATTTTTTTCACATCGGTTACGGCTGTT")).isTrue();
        assertThat(dream.carriedBy("TGCATTTTTTTCACATC" + VARIABLE.bases())).isFalse();
        assertThat(dream.carriedBy(VARIABLE.bases() + "GGTTACGGCTGTT")).isFalse();
        // The 5' adapter ends with C and the 3' adapter starts with G: overlapping, they are not
        // both there.
        assertThat(dream.carriedBy("TGCATTTTTTTCACATCGTTACGGCTGTT")).isFalse();
    }
}
