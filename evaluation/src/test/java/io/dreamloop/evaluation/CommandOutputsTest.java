package io.dreamloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the walkthrough's commands write are what {@code evaluate} reads. */
class CommandOutputsTest {

    @Test
    void scoresWrittenByTheScoreCommandArePredictions(@TempDir final Path dir)
            throws IOException, InputFormatException {
        final Path scores = dir.resolve("lib-1.scores.tsv");
        Files.writeString(
                scores,
                "id\tsequence\tprediction\tforward\treverse\terror\tinput\twarning\n"
                        + "m1\tACGT\t9.5\t9.4\t9.6\t\toligo\t\n"
                        + "m2\tACGA\t8.25\t8.2\t8.3\t\tas-given\tlacks both DREAM adapters\n"
                        + "m3\tACXA\t\t\t\tinvalid base 'X'\t\t\n");
        final Map<String, Double> predicted = PredictionsFile.read(scores);
        assertThat(predicted).containsExactly(Map.entry("m1", 9.5), Map.entry("m2", 8.25));
    }

    @Test
    void measurementsWrittenBySortseqMeasurementsAreMeasurementsOfOneMethod(@TempDir final Path dir)
            throws IOException, InputFormatException {
        final Path table = dir.resolve("run-1.tsv");
        Files.writeString(
                table,
                "member_id\tmethod\texpression\treads\tcells\tsingleton\tqc_flags\tlog_likelihood\tz\tll_ratio\n"
                        + "m1\tmaude\t0.5\t100\t3.0\tfalse\t\t-1.0\t\t\n"
                        + "m1\tbin-weighted-mean\t9.1\t100\t3.0\tfalse\t\t\t\t\n"
                        + "m2\tmaude\t-0.25\t80\t2.0\tfalse\tlow-reads\t-2.0\t\t\n"
                        + "m2\tbin-weighted-mean\t7.0\t80\t2.0\tfalse\tlow-reads\t\t\t\n");
        final EvaluationSet maude = MeasurementsFile.read(table, "maude");
        assertThat(maude.measured())
                .containsExactlyInAnyOrderEntriesOf(Map.of("m1", 0.5, "m2", -0.25));
        assertThatThrownBy(() -> MeasurementsFile.read(table, null))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining(
                        "the table holds the estimates of several methods; choose one of [bin-weighted-mean, maude] with --method");
        assertThatThrownBy(() -> MeasurementsFile.read(table, "mean"))
                .hasMessageContaining("the table has no estimates by method 'mean'");
    }
}
