package io.dreamloop.designer.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastaReaderTest {

    private static List<FastaRecord> read(final String text) {
        return FastaReader.read(new StringReader(text), "promoters.fa");
    }

    @Test
    void readsMultiLineRecordsUpperCasingSoftMaskedBases() {
        final List<FastaRecord> records =
                read(">YDL047W sit4 promoter\r\nACGTacgt\r\nNNAC\r\n\n>YOL006C\nttttGGGG\n");

        assertThat(records)
                .containsExactly(
                        new FastaRecord("YDL047W", "sit4 promoter", "ACGTACGTNNAC"),
                        new FastaRecord("YOL006C", "", "TTTTGGGG"));
    }

    @Test
    void anInvalidCharacterNamesTheLineAndColumn() {
        assertThatThrownBy(() -> read(">p1\nACGT\nACRT\n"))
                .isInstanceOf(MalformedFastaException.class)
                .hasMessage(
                        "promoters.fa line 3: invalid character 'R' at column 3 in record 'p1' (allowed: A, C, G, T, N in either case)")
                .extracting(e -> ((MalformedFastaException) e).line())
                .isEqualTo(3);
        assertThatThrownBy(() -> read(">p1\nAC GT\n"))
                .hasMessageStartingWith(
                        "promoters.fa line 2: invalid character '\\u0020' at column 3");
        assertThatThrownBy(() -> read(">p1\nACGT-\n"))
                .hasMessageContaining("line 2: invalid character '-'");
    }

    @Test
    void anEmptyRecordNamesItsHeaderLine() {
        assertThatThrownBy(() -> read(">p1\nACGT\n>p2\n\n>p3\nAC\n"))
                .isInstanceOf(MalformedFastaException.class)
                .hasMessage("promoters.fa line 3: record 'p2' has no sequence");
        assertThatThrownBy(() -> read(">p1\nACGT\n>last\n"))
                .hasMessage("promoters.fa line 3: record 'last' has no sequence");
    }

    @Test
    void aMissingOrEmptyHeaderIsRejected() {
        assertThatThrownBy(() -> read("\nACGT\n>p1\nAC\n"))
                .isInstanceOf(MalformedFastaException.class)
                .hasMessage("promoters.fa line 2: sequence before the first '>' header");
        assertThatThrownBy(() -> read(">p1\nAC\n>  \nAC\n"))
                .hasMessage("promoters.fa line 3: header without a record name");
    }

    @Test
    void repeatedNamesAndEmptyInputAreRejected() {
        assertThatThrownBy(() -> read(">p1\nAC\n>p1 again\nGT\n"))
                .hasMessage("promoters.fa line 3: duplicate record name 'p1' (first at line 1)");
        assertThatThrownBy(() -> read("\n\n"))
                .hasMessage("promoters.fa line 2: no FASTA records (empty input)");
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir final Path dir) throws IOException {
        final Path good = Files.writeString(dir.resolve("good.fa"), ">a\nACGT\n");
        final Path bad = Files.writeString(dir.resolve("bad.fa"), ">a\nAC*\n");

        assertThat(FastaReader.read(good)).containsExactly(new FastaRecord("a", "", "ACGT"));
        assertThatThrownBy(() -> FastaReader.read(bad))
                .hasMessage(
                        bad
                                + " line 2: invalid character '*' at column 3 in record 'a' (allowed: A, C, G, T, N in either case)");
    }
}
