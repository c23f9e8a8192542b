package io.dreamloop.designer.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.motif.Motif;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class MotifCatalogTest {

    @Test
    void looksUpByNameInAnyCaseOrByAccession() {
        final MotifCatalog catalog = SharedData.catalog();

        final Motif reb1 = catalog.motif("Reb1");

        assertThat(reb1.accession()).isEqualTo("MA0363.3");
        assertThat(catalog.motif("MA0363.3")).isEqualTo(reb1);
        assertThat(catalog.site("REB1"))
                .isEqualTo(new MotifSite("reb1", DnaSequence.of("ATTACCCGG")));
        assertThat(catalog.site("reb1").sequence()).isEqualTo(reb1.consensus());
    }

    @Test
    void theSameMatrixInBothFilesCountsOnce() {
        // derived_yeast_selected_TFs repeats 16 entries of the 178-motif JASPAR file.
        final MotifCatalog catalog = SharedData.catalog();

        assertThat(catalog.perturbationSites())
                .extracting(MotifSite::name)
                .containsExactly("reb1", "hsf1");
        assertThat(catalog.tilingSites())
                .extracting(MotifSite::name)
                .containsExactly("polya", "skn7", "mga1", "ume6", "mot3", "azf1");
    }

    @Test
    void aMissingMotifIsNamedWithTheFilesSearched() {
        final MotifCatalog catalog = SharedData.catalog();

        assertThatThrownBy(() -> catalog.site("Gal4p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("motif 'Gal4p' not found in ")
                .hasMessageContaining("JASPAR2024_CORE_fungi_non-redundant_pfms_transfac.txt")
                .hasMessageContaining("(178 motifs); known names: ")
                .hasMessageContaining("REB1");
    }

    @Test
    void aNameCarriedByTwoMatricesIsAmbiguous() {
        final MotifCatalog catalog =
                MotifCatalog.of(
                        List.of(
                                new Motif("X1", "FOO", new double[][] {{1, 0, 0, 0}}),
                                new Motif("X2", "FOO", new double[][] {{0, 1, 0, 0}})),
                        "test");

        assertThatThrownBy(() -> catalog.motif("foo"))
                .hasMessage("motif name 'foo' is ambiguous in test; use an accession: X1, X2");
        assertThat(catalog.site("X2").sequence()).isEqualTo(DnaSequence.of("C"));
        assertThatThrownBy(
                        () ->
                                MotifCatalog.of(
                                        List.of(
                                                new Motif(
                                                        "X1", "FOO", new double[][] {{1, 0, 0, 0}}),
                                                new Motif(
                                                        "X1",
                                                        "FOO",
                                                        new double[][] {{0, 1, 0, 0}})),
                                        "test"))
                .hasMessage("accession X1 has two different matrices in test");
    }

    @Test
    void siteNamesAreLowerCaseLabels() {
        assertThat(MotifSite.of("Hsf1", DnaSequence.of("ATGGAAC")).reverseComplement())
                .isEqualTo(new MotifSite("hsf1.rc", DnaSequence.of("GTTCCAT")));
        assertThat(MotifSite.of("cg", DnaSequence.of("CG")).isPalindrome()).isTrue();
        assertThatThrownBy(() -> new MotifSite("Bad Name", DnaSequence.of("A")))
                .hasMessageContaining("must be 1-64 lower-case letters");
        assertThatThrownBy(() -> MotifSite.of("n", DnaSequence.of("ANA")))
                .hasMessageContaining("unresolved base 'N'");
    }
}
