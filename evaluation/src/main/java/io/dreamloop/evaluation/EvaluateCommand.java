package io.dreamloop.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./dreamloop evaluate --predictions P --measurements M [--json]}: scores a predictions file
 * against a measurements file as the DREAM Challenge 2022 did, and prints a table per set (n, r,
 * r², ρ, weight) and the Pearson and Spearman scores, or the same as JSON.
 *
 * <p>Exit codes: 0 scored; 1 bad input (unreadable or malformed file, missing predictions), with
 * the file, line and column on standard error; 2 bad command line.
 */
@Command(
        name = "dreamloop evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Scores predictions as the DREAM Challenge 2022 did: Pearson r and Spearman rho per"
                    + " subset (pair subsets on alt - ref differences), Pearson score = sum w*r^2 /"
                    + " 4.65, Spearman score = sum w*rho / 4.65.",
            "Predictions: TSV 'id<TAB>prediction' or 'sequence<TAB>prediction' with that header, or"
                    + " DREAM-style 'SEQUENCE<TAB>prediction' lines without a header.",
            "Measurements: TSV with the header 'id<TAB>subset<TAB>pair_id<TAB>role<TAB>measured'"
                    + " (see MeasurementsFile)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scored", "1:bad input (file, line and column on stderr)", "2:usage"})
public final class EvaluateCommand implements Callable<Integer> {

    /** Exit code for a file that cannot be read or parsed, or predictions that do not fit. */
    public static final int BAD_INPUT = 1;

    @Option(
            names = "--predictions",
            required = true,
            paramLabel = "FILE",
            description = "Predictions TSV.")
    private Path predictions;

    @Option(
            names = "--measurements",
            required = true,
            paramLabel = "FILE",
            description = "Measurements TSV with subsets and pairs.")
    private Path measurements;

    @Option(
            names = "--method",
            description =
                    "With lab-ingest's measurement table (sortseq measurements): the estimation method to score against, e.g. maude or bin-weighted-mean.")
    private String method;

    @Option(names = "--json", description = "Print JSON instead of the table.")
    private boolean json;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final ChallengeScore score;
        try {
            final EvaluationSet set = MeasurementsFile.read(measurements, method);
            final Map<String, Double> predicted = PredictionsFile.read(predictions);
            score = ChallengeEvaluator.evaluate(set, predicted);
        } catch (final InputFormatException | IllegalArgumentException e) {
            err.println("dreamloop evaluate: " + e.getMessage());
            return BAD_INPUT;
        } catch (final NoSuchFileException e) {
            err.println("dreamloop evaluate: no such file: " + e.getFile());
            return BAD_INPUT;
        } catch (final IOException e) {
            err.println("dreamloop evaluate: cannot read: " + e);
            return BAD_INPUT;
        }
        if (json) {
            out.println(ScoreReport.json(score));
        } else {
            out.print(ScoreReport.table(score));
        }
        out.flush();
        return 0;
    }

    /** Runs the command with the given streams and returns the exit code (for tests). */
    static int execute(final String[] args, final PrintWriter out, final PrintWriter err) {
        final CommandLine cli = new CommandLine(new EvaluateCommand());
        cli.setOut(out);
        cli.setErr(err);
        final int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(final String[] args) {
        System.exit(
                execute(
                        args,
                        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }
}
