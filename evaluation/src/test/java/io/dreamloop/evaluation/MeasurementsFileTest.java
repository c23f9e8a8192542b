package io.dreamloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.dreamloop.contracts.sequence.Subset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementsFileTest {

    static final String HEADER = "id\tsubset\tpair_id\trole\tmeasured";

    @TempDir Path dir;

    @Test
    void readsTheDocumentedExample() throws Exception {
        final Path file = dir.resolve("m.tsv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        HEADER,
                        "s1\thigh\t-\t-\t1.21",
                        "s2\trandom\t\t\t-0.35",
                        "s2\tsnv\tp1\tref\t-0.35",
                        "s3\tsnv\tp1\talt\t0.12",
                        "s4\t-\t-\t-\t0.80",
                        "s1\thigh\t-\t-\t1.21",
                        "s3\tsnv\tp2\talt\t0.12",
                        "s2\tsnv\tp2\tref\t-0.35",
                        "s4\tmotif-tiling\tt1\talt\t0.80",
                        "s4\tmotif-tiling\tt1\tref\t0.80",
                        ""));
        final EvaluationSet set = MeasurementsFile.read(file);
        assertThat(set.measured())
                .containsExactly(
                        entry("s1", 1.21), entry("s2", -0.35), entry("s3", 0.12), entry("s4", 0.8));
        assertThat(set.members(Subset.HIGH)).containsExactly("s1");
        assertThat(set.members(Subset.RANDOM)).containsExactly("s2");
        // p1 and p2 name the same (alt, ref): one pair, as the reference's set of tuples.
        assertThat(set.pairs(Subset.SNV)).containsExactly(new SequencePair("s3", "s2"));
        assertThat(set.members(Subset.LOW)).isEmpty();
        assertThat(set.pairs(Subset.MOTIF_TILING)).containsExactly(new SequencePair("s4", "s4"));
    }

    @Test
    void errorsNameLineAndColumn() {
        assertError(
                List.of("id\tsubset\tpair\trole\tmeasured"),
                1,
                3,
                "m.tsv line 1, column 3 (pair_id): expected the header"
                        + " 'id<TAB>subset<TAB>pair_id<TAB>role<TAB>measured' but column 3 is"
                        + " 'pair'");
        assertError(
                rows("a\thigh\t-\t-"),
                2,
                0,
                "m.tsv line 2: expected 5 tab-separated columns (id, subset, pair_id, role,"
                        + " measured) but found 4");
        assertError(
                rows("a\thigh\t-\t-\t1", "b\tHigh\t-\t-\t2"),
                3,
                2,
                "m.tsv line 3, column 2 (subset): unknown subset 'High'; known: high, low,"
                        + " native, random, challenging, snv, motif-perturbation, motif-tiling");
        assertError(
                rows("a\thigh\tp1\t-\t1"),
                2,
                3,
                "m.tsv line 2, column 3 (pair_id): 'p1' given, but subset high has no pairs;"
                        + " leave it empty or '-'");
        assertError(
                rows("a\t-\t-\talt\t1"),
                2,
                4,
                "m.tsv line 2, column 4 (role): 'alt' given, but a sequence in no subset has no"
                        + " pairs; leave it empty or '-'");
        assertError(
                rows("a\tsnv\t-\talt\t1"),
                2,
                3,
                "m.tsv line 2, column 3 (pair_id): subset snv is paired: give the pair's id");
        assertError(
                rows("a\tsnv\tp1\tvariant\t1"),
                2,
                4,
                "m.tsv line 2, column 4 (role): subset snv is paired: role must be 'alt' or"
                        + " 'ref', but was 'variant'");
        assertError(
                rows("a\tsnv\tp1\talt\t1", "b\tsnv\tp1\talt\t2"),
                3,
                4,
                "m.tsv line 3, column 4 (role): pair 'p1' of snv already has the alt 'a' (line"
                        + " 2)");
        assertError(
                rows("a\tsnv\tp1\talt\t1", "b\tmotif-tiling\tp1\tref\t2"),
                2,
                4,
                "m.tsv line 2, column 4 (role): pair 'p1' of snv has an alt ('a') but no ref");
        assertError(
                rows("a\thigh\t-\t-\t1", "a\trandom\t-\t-\t1.5"),
                3,
                5,
                "m.tsv line 3, column 5 (measured): 'a' measured 1.5 here but 1.0 on line 2");
        assertError(
                rows("a\thigh\t-\t-\t"),
                2,
                5,
                "m.tsv line 2, column 5 (measured): '' is not a number");
        assertError(
                rows(" a\thigh\t-\t-\t1"),
                2,
                1,
                "m.tsv line 2, column 1 (id): ' a' has leading or trailing blanks");
        assertError(rows(), 0, 0, "m.tsv: no measurements after the header");
    }

    private static List<String> rows(final String... rows) {
        final List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(List.of(rows));
        return lines;
    }

    private static void assertError(
            final List<String> lines, final int line, final int column, final String message) {
        assertThatThrownBy(() -> MeasurementsFile.parse("m.tsv", lines))
                .isInstanceOfSatisfying(
                        InputFormatException.class,
                        e -> {
                            assertThat(e.line()).isEqualTo(line);
                            assertThat(e.column()).isEqualTo(column);
                        })
                .hasMessage(message);
    }
}
