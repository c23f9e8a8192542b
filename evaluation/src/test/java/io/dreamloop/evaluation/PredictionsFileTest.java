package io.dreamloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFileTest {

    @TempDir Path dir;

    @Test
    void readsIdsWithHeader() throws Exception {
        final Path file = dir.resolve("p.tsv");
        Files.writeString(file, "id\tprediction\r\nseq-1\t0.42\r\nseq-2\t-1.3e-1\r\n\r\n");
        assertThat(PredictionsFile.read(file))
                .containsExactly(entry("seq-1", 0.42), entry("seq-2", -0.13));
    }

    @Test
    void readsSequencesWithHeaderAndDreamStyleWithout() throws Exception {
        assertThat(PredictionsFile.parse("p", List.of("sequence\tprediction", "ACGT\t1.5")))
                .containsExactly(entry("ACGT", 1.5));
        assertThat(PredictionsFile.parse("p", List.of("TGCATTTN\t11.2", "acgt\t3")))
                .containsExactly(entry("TGCATTTN", 11.2), entry("acgt", 3.0));
    }

    @Test
    void aRepeatedKeyWithTheSameValueCountsOnce() throws Exception {
        assertThat(PredictionsFile.parse("p", List.of("ACGT\t1.5", "ACGT\t1.50")))
                .containsExactly(entry("ACGT", 1.5));
    }

    @Test
    void errorsNameLineAndColumn() {
        assertError(
                List.of("id\tprediction", "a\t1", "b\tabc"),
                3,
                2,
                "p.tsv line 3, column 2 (prediction): 'abc' is not a number");
        assertError(
                List.of("id\tprediction", "a\tNaN"),
                2,
                2,
                "p.tsv line 2, column 2 (prediction): 'NaN' is not a finite decimal number");
        assertError(
                List.of("id\tprediction", "a\t1\t2"),
                2,
                0,
                "p.tsv line 2: expected 2 tab-separated columns (id, prediction) but found 3");
        assertError(
                List.of("id\tprediction", "\t1"), 2, 1, "p.tsv line 2, column 1 (id): empty id");
        assertError(
                List.of("id\tprediction", "a\t1", "", "b\t2"), 3, 0, "p.tsv line 3: empty line");
        assertError(
                List.of("id\tprediction", "a\t1", "a\t2"),
                3,
                2,
                "p.tsv line 3, column 2 (prediction): id 'a' predicted 2 here but 1.0 on line 2");
        assertError(
                List.of("ACGT\t1", "seq-2\t2"),
                2,
                1,
                "p.tsv line 2, column 1 (sequence): 'seq-2' is not a DNA sequence (A, C, G, T, N)");
        assertError(
                List.of("name\tvalue", "a\t1"),
                1,
                0,
                "p.tsv line 1: expected the header 'id<TAB>prediction' or"
                        + " 'sequence<TAB>prediction', or DREAM-style lines"
                        + " 'SEQUENCE<TAB>prediction' without a header, but found 'name<TAB>value'");
        assertError(List.of("", ""), 0, 0, "p.tsv: empty file");
        assertError(List.of("id\tprediction"), 0, 0, "p.tsv: no predictions after the header");
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() throws Exception {
        final Path file = dir.resolve("binary.tsv");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        assertThatThrownBy(() -> PredictionsFile.read(file))
                .isInstanceOf(InputFormatException.class)
                .hasMessage(file + ": not a UTF-8 text file");
        Files.writeString(file, "id\tprediction\nä\t1\n", StandardCharsets.UTF_8);
        assertThat(PredictionsFile.read(file)).containsExactly(entry("ä", 1.0));
    }

    private static void assertError(
            final List<String> lines, final int line, final int column, final String message) {
        assertThatThrownBy(() -> PredictionsFile.parse("p.tsv", lines))
                .isInstanceOfSatisfying(
                        InputFormatException.class,
                        e -> {
                            assertThat(e.line()).isEqualTo(line);
                            assertThat(e.column()).isEqualTo(column);
                        })
                .hasMessage(message);
    }
}
