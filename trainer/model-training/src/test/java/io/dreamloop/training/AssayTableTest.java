package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssayTableTest {

    @Test
    void readsATableWithAHeaderAndSeveralOutputs(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("starr.tsv");
        Files.writeString(
                file, "sequence\tdev\thk\nACGTAC\t1.5\t-0.25\nGGGCCC\t2\t3e-1\n\nTTTTAA\t0\t0\n");
        final AssayTable table = AssayTable.read(file);
        assertThat(table.outputs()).containsExactly("dev", "hk");
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.length()).isEqualTo(6);
        assertThat(table.sequence(1)).isEqualTo(DnaSequence.of("GGGCCC"));
        assertThat(table.column(1)).containsExactly(-0.25, 0.3, 0.0);
        assertThat(table.value(0, 0)).isEqualTo(1.5);
    }

    @Test
    void namesTheFirstMalformedLine(@TempDir final Path dir) throws IOException {
        assertThat(malformed(dir, ""))
                .hasMessage("t.tsv line 1: missing header 'sequence<TAB>output...'");
        assertThat(malformed(dir, "sequence\n"))
                .hasMessage("t.tsv line 1: need at least one output column");
        assertThat(malformed(dir, "sequence\ta\ta\n"))
                .hasMessage(
                        "t.tsv line 1: output names must be non-blank and distinct, but were [a, a]");
        assertThat(malformed(dir, "sequence\ta\nACGT\t1\nACG\t2\n"))
                .hasMessage(
                        "t.tsv line 3: sequence of 3 bases, but the table's sequences have 4 (one fixed length)");
        assertThat(malformed(dir, "sequence\ta\tb\nACGT\t1\n"))
                .hasMessage("t.tsv line 2: expected 3 tab-separated fields, but found 2");
        assertThat(malformed(dir, "sequence\ta\nACGT\tx\n"))
                .hasMessage("t.tsv line 2: a 'x' is not a number");
        assertThat(malformed(dir, "sequence\ta\nACGT\tInfinity\n"))
                .hasMessage("t.tsv line 2: value Infinity is not finite");
        assertThat(malformed(dir, "sequence\ta\n"))
                .hasMessage("t.tsv line 1: no rows after the header");
    }

    @Test
    void splitsBySeed() {
        final List<DnaSequence> seqs =
                List.of("AAAA", "CCCC", "GGGG", "TTTT", "ACGT").stream()
                        .map(DnaSequence::of)
                        .toList();
        final List<double[]> values =
                List.of(
                        new double[] {0},
                        new double[] {1},
                        new double[] {2},
                        new double[] {3},
                        new double[] {4});
        final AssayTable table = AssayTable.of(List.of("y"), seqs, values);
        final AssayTable.Split a = table.split(0.4, 5);
        assertThat(a.validation().size()).isEqualTo(2);
        assertThat(a.train().size()).isEqualTo(3);
        assertThat(a.validation().sequences())
                .isEqualTo(table.split(0.4, 5).validation().sequences());
        assertThat(catchThrowable(() -> AssayTable.of(List.of("y"), seqs, values.subList(0, 4))))
                .hasMessage(
                        "need at least one sequence and one value row per sequence, but got 5 and 4");
    }

    private static Throwable malformed(final Path dir, final String content) throws IOException {
        final Path file = dir.resolve("t.tsv");
        Files.writeString(file, content);
        return catchThrowable(() -> AssayTable.read(file));
    }
}
