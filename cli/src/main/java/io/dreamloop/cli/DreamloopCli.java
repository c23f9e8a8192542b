package io.dreamloop.cli;

import io.dreamloop.evaluation.EvaluateCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dreamloop} command: a scientist's everyday jobs against the running services over
 * HTTP. Exit codes: 0 done, 1 the work failed (the message says which call and why), 2 usage.
 */
@Command(
        name = "dreamloop",
        mixinStandardHelpOptions = true,
        versionProvider = DreamloopCli.Version.class,
        description = {
            "Design libraries, submit sort-seq runs, run closed-loop campaigns, train and score"
                    + " models, evaluate predictions, and trace a sequence's lineage, against the"
                    + " dreamloop services (defaults: designer :8081, predictor :8082, lab-ingest"
                    + " :8083, trainer :8084; see --designer etc. or DREAMLOOP_*_URL)."
        },
        subcommands = {
            StatusCommand.class,
            DesignCommand.class,
            SortSeqCommand.class,
            CampaignCommand.class,
            TrainCommand.class,
            TrainingCommand.class,
            ScoreCommand.class,
            ModelsCommand.class,
            LineageCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the work failed (which call, and why, on stderr)", "2:usage"})
public final class DreamloopCli implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    /** The command line, with its error handling, ready to execute. */
    public static CommandLine commandLine() {
        final CommandLine cli = new CommandLine(new DreamloopCli());
        cli.addSubcommand("evaluate", new EvaluateCommand());
        cli.setExecutionExceptionHandler(
                (e, line, parsed) -> {
                    final PrintWriter err = line.getErr();
                    err.printf("%s: %s%n", line.getCommandSpec().qualifiedName(), message(e));
                    err.flush();
                    return 1;
                });
        return cli;
    }

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** What a person needs to read: the message, not a stack trace (except for real bugs). */
    static String message(final Exception e) {
        if (e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof UncheckedIOException
                || e instanceof IOException) {
            return e.getMessage();
        }
        final StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return "unexpected error (a bug; please report it):%n%s".formatted(trace);
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = DreamloopCli.class.getPackage().getImplementationVersion();
            return new String[] {"dreamloop " + (v == null ? "(development build)" : v)};
        }
    }
}
