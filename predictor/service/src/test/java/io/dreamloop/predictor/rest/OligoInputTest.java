package io.dreamloop.predictor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import org.junit.jupiter.api.Test;

class OligoInputTest {
    private static final DnaSequence INSERT =
            DnaSequence.of("ACGTTGCA".repeat(10)); // an 80-bp variable region
    private static final DnaSequence OLIGO = Flanks.DREAM_2022.wrap(INSERT);

    @Test
    void aMeasuredOligoIsScoredAsGivenWithoutWarning() {
        final OligoInput input = OligoInput.of(OLIGO, true);
        assertThat(input.sequence()).isEqualTo(OLIGO);
        assertThat(input.handling()).isEqualTo(OligoInput.Handling.OLIGO);
        assertThat(input.warning()).isNull();
    }

    @Test
    void aBareVariableRegionIsWrappedWhenAskedAndWarnedAboutOtherwise() {
        final OligoInput wrapped = OligoInput.of(INSERT, true);
        assertThat(wrapped.sequence()).isEqualTo(OLIGO);
        assertThat(wrapped.handling().wireName()).isEqualTo("adapters-added");
        assertThat(wrapped.warning()).isNull();
        final OligoInput bare = OligoInput.of(INSERT, false);
        assertThat(bare.sequence()).isEqualTo(INSERT);
        assertThat(bare.handling().wireName()).isEqualTo("as-given");
        assertThat(bare.warning())
                .startsWith("lacks both DREAM adapters: the model takes the first 17 bases");
    }

    @Test
    void oneMissingAdapterIsNamedAndNeverPatched() {
        final DnaSequence no3p = DnaSequence.of(OLIGO.bases().substring(0, OLIGO.length() - 13));
        final OligoInput input = OligoInput.of(no3p, true);
        assertThat(input.sequence()).isEqualTo(no3p);
        assertThat(input.warning()).startsWith("lacks the 3' adapter");
        assertThat(OligoInput.of(DnaSequence.of(OLIGO.bases().substring(17)), false).warning())
                .startsWith("lacks the 5' adapter");
    }

    @Test
    void anOligoLongerThanTheModelReadsSaysWhichBasesWereNotScored() {
        final DnaSequence longInsert = DnaSequence.of("ACGTTGCA".repeat(34) + "ACGT"); // 276
        final OligoInput input = OligoInput.of(longInsert, true);
        assertThat(input.sequence().length()).isEqualTo(306);
        assertThat(input.warning())
                .isEqualTo(
                        "306 bases: the model reads the last 150 after the 5' adapter, so bases 18..156 were not scored");
        // 167 bases are read whole, but lie outside the trained lengths.
        assertThat(
                        OligoInput.of(
                                        Flanks.DREAM_2022.wrap(DnaSequence.of("A".repeat(137))),
                                        false)
                                .warning())
                .isEqualTo(
                        "167 bases: the DREAM models were trained on oligos of 102-111 bases, so this prediction is an extrapolation");
        assertThat(
                        OligoInput.of(Flanks.DREAM_2022.wrap(DnaSequence.of("A".repeat(75))), false)
                                .warning())
                .isNull();
    }
}
