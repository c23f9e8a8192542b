package io.dreamloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on temporary files: the hand-checked example of {@link ChallengeEvaluatorTest}. */
class EvaluateCommandTest {

    @TempDir Path dir;

    private Path measurements;
    private Path predictions;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeHandExample() throws Exception {
        measurements = dir.resolve("measurements.tsv");
        Files.writeString(
                measurements,
                String.join(
                        "\n",
                        MeasurementsFileTest.HEADER,
                        "a\thigh\t-\t-\t1",
                        "b\thigh\t-\t-\t2",
                        "c\thigh\t-\t-\t3",
                        "a\tlow\t-\t-\t1",
                        "b\tlow\t-\t-\t2",
                        "d\tlow\t-\t-\t5",
                        "a\tnative\t-\t-\t1",
                        "c\tnative\t-\t-\t3",
                        "d\tnative\t-\t-\t5",
                        "b\trandom\t-\t-\t2",
                        "c\trandom\t-\t-\t3",
                        "d\trandom\t-\t-\t5",
                        "a\tchallenging\t-\t-\t1",
                        "b\tchallenging\t-\t-\t2",
                        "c\tchallenging\t-\t-\t3",
                        "d\tchallenging\t-\t-\t5",
                        "b\tsnv\ts1\talt\t2",
                        "a\tsnv\ts1\tref\t1",
                        "c\tsnv\ts2\talt\t3",
                        "a\tsnv\ts2\tref\t1",
                        "d\tsnv\ts3\talt\t5",
                        "b\tsnv\ts3\tref\t2",
                        "a\tmotif-perturbation\tm1\talt\t1",
                        "c\tmotif-perturbation\tm1\tref\t3",
                        "d\tmotif-perturbation\tm2\talt\t5",
                        "c\tmotif-perturbation\tm2\tref\t3",
                        "b\tmotif-perturbation\tm3\talt\t2",
                        "d\tmotif-perturbation\tm3\tref\t5",
                        "c\tmotif-tiling\tt1\talt\t3",
                        "b\tmotif-tiling\tt1\tref\t2",
                        "d\tmotif-tiling\tt2\talt\t5",
                        "a\tmotif-tiling\tt2\tref\t1",
                        "a\tmotif-tiling\tt3\talt\t1",
                        "b\tmotif-tiling\tt3\tref\t2",
                        ""));
        predictions = dir.resolve("predictions.tsv");
        Files.writeString(predictions, "id\tprediction\na\t2\nb\t1\nc\t4\nd\t4\n");
    }

    @Test
    void printsTheTableAndBothScores() {
        final int code = run("--predictions", predictions.toString(), "--measurements", m());
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Pearson score  (sum w*r^2 / 4.65): 0.6638")
                .contains("Spearman score (sum w*rho / 4.65): 0.7906")
                .containsPattern("(?m)^all +4 +0\\.7482 +0\\.5598 +0\\.7379 +1\\.00$")
                .containsPattern("(?m)^snv \\(pairs\\) +3 +0\\.9608 +0\\.9231 +1\\.0000 +1\\.25$")
                .doesNotContain("not scored");
    }

    @Test
    void printsJson() {
        final int code =
                run("--predictions", predictions.toString(), "--measurements", m(), "--json");
        assertThat(code).isZero();
        assertThat(out.toString())
                .startsWith("{\"pearsonScore\":0.66377487102687")
                .contains("\"complete\":true")
                .contains("{\"name\":\"motif-tiling\",\"paired\":true,\"n\":3,\"weight\":0.4,");
    }

    @Test
    void reportsSetsThatWereNotScored() throws Exception {
        Files.writeString(predictions, "id\tprediction\na\t7\nb\t7\nc\t7\nd\t7\n");
        final int code = run("--predictions", predictions.toString(), "--measurements", m());
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Pearson score  (sum w*r^2 / 4.65): 0.0000")
                .contains("not scored: zero variance in predicted (all 4 values are 7.0)")
                .contains("incomplete: 9 of 9 sets not scored");
    }

    @Test
    void malformedFileExitsNonZeroNamingLineAndColumn() throws Exception {
        Files.writeString(predictions, "id\tprediction\na\t2\nb\tone\n");
        final int code = run("--predictions", predictions.toString(), "--measurements", m());
        assertThat(code).isEqualTo(EvaluateCommand.BAD_INPUT);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .isEqualTo(
                        "dreamloop evaluate: %s line 3, column 2 (prediction): 'one' is not a number%n"
                                .formatted(predictions));
    }

    @Test
    void missingPredictionsExitNonZero() throws Exception {
        Files.writeString(predictions, "id\tprediction\na\t2\nb\t1\n");
        final int code = run("--predictions", predictions.toString(), "--measurements", m());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains(
                        "dreamloop evaluate: no prediction for 2 of 4 measured ids (first: 'c', 'd')");
    }

    @Test
    void missingFileExitsNonZero() {
        final Path absent = dir.resolve("absent.tsv");
        final int code = run("--predictions", absent.toString(), "--measurements", m());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("dreamloop evaluate: no such file: " + absent);
    }

    @Test
    void missingOptionIsAUsageError() {
        final int code = run("--predictions", predictions.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--measurements=FILE'");
    }

    private String m() {
        return measurements.toString();
    }

    private int run(final String... args) {
        return EvaluateCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }
}
