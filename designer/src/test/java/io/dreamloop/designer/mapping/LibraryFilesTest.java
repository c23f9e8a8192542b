package io.dreamloop.designer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.designer.persistence.DesignedLibraryEntity;
import io.dreamloop.designer.persistence.DesignedMemberEntity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LibraryFilesTest {
    private final DesignedLibraryEntity library =
            new DesignedLibraryEntity(
                    "lib-1", UUID.randomUUID(), 7L, 4, "TGCA", "GGTT", "dreamloop-designer/0.2");
    private final List<DesignedMemberEntity> members =
            List.of(
                    member("m1", "snv", "p1", "ACGT", "snv-ref"),
                    member("m2", "random", null, "TTTT", "random"));

    @Test
    void tsvHasTheHeaderAndOneRowPerMemberWithTheFullOligo() {
        assertThat(LibraryFiles.write(LibraryFileFormat.TSV, library, members))
                .isEqualTo(
                        LibraryFiles.TSV_HEADER
                                + "m1\tsnv\tp1\tACGT\tTGCAACGTGGTT\tsnv-ref\t{}\t{}\n"
                                + "m2\trandom\t\tTTTT\tTGCATTTTGGTT\trandom\t{}\t{}\n");
    }

    @Test
    void fastaCarriesSubsetPairAndMethodInTheHeaderLine() {
        assertThat(LibraryFiles.write(LibraryFileFormat.FASTA, library, members))
                .isEqualTo(
                        ">m1 subset=snv pair=p1 method=snv-ref\nTGCAACGTGGTT\n"
                                + ">m2 subset=random method=random\nTGCATTTTGGTT\n");
    }

    @Test
    void formatsAreNamedAsInRequestsAndAnUnknownOneIsRefused() {
        assertThat(LibraryFileFormat.named("fasta").mediaType()).isEqualTo("text/x-fasta");
        assertThat(LibraryFileFormat.named("tsv").wireName()).isEqualTo("tsv");
        assertThatThrownBy(() -> LibraryFileFormat.named("csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'csv'; use tsv or fasta");
    }

    private static DesignedMemberEntity member(
            final String id,
            final String subset,
            final String pair,
            final String variable,
            final String method) {
        return new DesignedMemberEntity(
                new DesignedMemberEntity.Key("lib-1", id),
                0,
                subset,
                pair,
                variable,
                method,
                "{}",
                "{}");
    }
}
