package io.dreamloop.contracts.motif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransfacMotifsTest {

    @Test
    void readsTheSixteenSelectedYeastMotifsWithTheirFileNames() {
        final List<Motif> motifs = JasparFiles.selected();

        assertThat(motifs)
                .extracting(Motif::name)
                .containsExactly(
                        "AZF1", "GCR1", "MCM1", "MOT3", "MSN2", "PHO4", "MGA1", "RAP1", "REB1",
                        "RSC3", "SKN7", "TBF1", "ABF1", "UME6", "CBF1", "HSF1");
        final Motif azf1 = motifs.getFirst();
        assertThat(azf1.accession()).isEqualTo("MA0277.1");
        assertThat(azf1.length()).isEqualTo(9);
        assertThat(azf1.counts()[0]).containsExactly(63.0, 13.0, 13.0, 13.0);
    }

    @Test
    void readsAllOfJaspar2024Fungi() {
        final List<Motif> motifs =
                TransfacMotifs.parse(
                        JasparFiles.jaspar(
                                "JASPAR2024_CORE_fungi_non-redundant_pfms_transfac.txt"));

        assertThat(motifs).hasSize(178);
        assertThat(motifs).extracting(Motif::accession).doesNotHaveDuplicates();
        assertThat(motifs).allSatisfy(m -> assertThat(m.length()).isPositive());
    }

    @Test
    void readsFromAReader() {
        final String text = "AC X1\nID TEST\nPO A C G T\n01 1 0 0 0\n02 0 0 0 9\nXX\n//\n";

        final List<Motif> motifs = TransfacMotifs.parse(new StringReader(text));

        assertThat(motifs)
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.name()).isEqualTo("TEST");
                            assertThat(m.consensus().bases()).isEqualTo("AT");
                        });
    }

    @Test
    void namesTheLineOfAMalformedRow() {
        final String text = "AC X1\nID TEST\nPO A C G T\n01 1 0 0 0\n02 0 zero 0 9\n//\n";

        assertThatThrownBy(() -> TransfacMotifs.parse(new StringReader(text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("zero");
    }

    @Test
    void rejectsARowWithTooFewCountsAndAnUnclosedMotif() {
        assertThatThrownBy(
                        () ->
                                TransfacMotifs.parse(
                                        new StringReader("ID T\nPO A C G T\n01 1 2 3\n//\n")))
                .hasMessageContaining("line 3")
                .hasMessageContaining("4 counts");
        assertThatThrownBy(
                        () ->
                                TransfacMotifs.parse(
                                        new StringReader("ID T\nPO A C G T\n01 1 2 3 4\n")))
                .hasMessageContaining("not closed");
    }
}
