package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DreamFormatTest {
    static final Path DEMO_TRAIN =
            Path.of(
                    System.getProperty("dreamloop.root", "../.."),
                    "..",
                    "shared",
                    "data",
                    "dream2022",
                    "demo_train.txt");

    private static final String OLIGO =
            "TGCATTTTTTTCACATCCTTCAACCAAAATATAATATTCAATATCTTGTAGGGACGATCAATATAAGTCGCCCGGACCATATAAGGCTAAGGTGTGGGGTTACGGCTGTT";

    @Test
    void readsTheDemoTrainingFile() throws IOException {
        final List<TrainingExample> rows = DreamFormat.read(DEMO_TRAIN);
        // 6,370 rows: wc -l says 6,369 because the last line has no newline.
        assertThat(rows).hasSize(6370);
        assertThat(rows.get(0).sequence().bases()).isEqualTo(OLIGO);
        assertThat(rows.get(0).value()).isEqualTo(15.1823836007871);
        assertThat(rows.get(0).singleton()).isFalse();
        assertThat(rows.get(1).value()).isEqualTo(12);
        assertThat(rows.get(1).singleton()).isTrue();
        // SPEC §5.1: 58% of demo_train rows are integers (singletons): 3,693.
        assertThat(rows.stream().filter(TrainingExample::singleton).count()).isEqualTo(3693);
    }

    @Test
    void namesTheFirstMalformedLine(@TempDir final Path dir) throws IOException {
        assertThat(malformed(dir, OLIGO + "\t3\n" + OLIGO + " 4\n"))
                .hasMessage(
                        "t.txt line 2: expected 2 tab-separated fields (sequence, expression), but found 1");
        assertThat(malformed(dir, OLIGO + "\t3\n" + OLIGO + "\tx\n"))
                .hasMessage("t.txt line 2: expression 'x' is not a number");
        assertThat(malformed(dir, OLIGO + "\tNaN\n"))
                .hasMessage("t.txt line 1: expression 'NaN' is not finite");
        assertThat(malformed(dir, "ACGU\t3\n"))
                .hasMessage(
                        "t.txt line 1: invalid base 'U' at position 4 of 4 (allowed: A, C, G, T, N)");
        assertThat(malformed(dir, "ACGT\t3\n"))
                .hasMessageStartingWith("t.txt line 1: sequence of 4 bases is too short to pad");
        assertThat(malformed(dir, OLIGO + "\t3\n\n" + OLIGO + "\t4\n"))
                .hasMessage("t.txt line 2: blank line before the end of the file");
    }

    @Test
    void acceptsBlankLinesAtTheEndAndWindowsLineEnds(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("t.txt");
        Files.writeString(file, OLIGO + "\t3.5\r\n" + OLIGO + "\t4\r\n\r\n\n");
        assertThat(DreamFormat.read(file))
                .extracting(TrainingExample::value)
                .containsExactly(3.5, 4.0);
    }

    @Test
    void checksEveryLineAndDescribesTheFirstProblemsOnly() throws IOException {
        final String text =
                OLIGO
                        + "\t3\n" // 1
                        + OLIGO
                        + "\tx\n" // 2: not a number
                        + "ACGTX\t3\n" // 3: invalid base
                        + "\n" // 4: blank before the end
                        + OLIGO
                        + "\t4.5\n" // 5
                        + OLIGO
                        + "\n"; // 6: one field
        final DreamFormat.Checked all =
                DreamFormat.check(new java.io.BufferedReader(new java.io.StringReader(text)), 20);
        assertThat(all.wellFormed()).isFalse();
        assertThat(all.rows()).extracting(TrainingExample::value).containsExactly(3.0, 4.5);
        assertThat(all.malformedLines()).isEqualTo(4);
        assertThat(all.problems())
                .extracting(Object::toString)
                .containsExactly(
                        "line 2: expression 'x' is not a number",
                        "line 3: invalid base 'X' at position 5 of 5 (allowed: A, C, G, T, N)",
                        "line 4: blank line before the end of the file",
                        "line 6: expected 2 tab-separated fields (sequence, expression), but found"
                                + " 1");
        final DreamFormat.Checked capped =
                DreamFormat.check(new java.io.BufferedReader(new java.io.StringReader(text)), 2);
        assertThat(capped.problems()).extracting(DreamFormat.Problem::line).containsExactly(2, 3);
        assertThat(capped.malformedLines()).isEqualTo(4);
    }

    private static Throwable malformed(final Path dir, final String content) throws IOException {
        final Path file = dir.resolve("t.txt");
        Files.writeString(file, content);
        return org.assertj.core.api.Assertions.catchThrowable(() -> DreamFormat.read(file));
    }

    @Test
    void rejectsNonFiniteValuesInMemory() {
        assertThatThrownBy(() -> TrainingExample.of(OLIGO, Double.POSITIVE_INFINITY))
                .hasMessage("value must be finite, but was Infinity");
    }
}
