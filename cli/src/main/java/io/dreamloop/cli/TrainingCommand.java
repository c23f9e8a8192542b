package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dreamloop training}: the trainer's runs and data. */
@Command(
        name = "training",
        description = "The trainer's runs (list, show, watch, cancel) and its dataset.",
        mixinStandardHelpOptions = true,
        subcommands = {
            TrainingCommand.Runs.class,
            TrainingCommand.Show.class,
            TrainingCommand.Watch.class,
            TrainingCommand.Cancel.class,
            TrainingCommand.Dataset.class
        })
final class TrainingCommand {

    static JsonNode run(final Connection services, final String runId) {
        return services.http()
                .getJson(services.trainer("/training/runs/" + Connection.encode(runId)));
    }

    /** {@code dreamloop training runs}. */
    @Command(
            name = "runs",
            description = "Every training run, newest first.",
            mixinStandardHelpOptions = true)
    static final class Runs implements Callable<Integer> {
        @Mixin Connection services;

        @Override
        public Integer call() {
            final Table t =
                    new Table(
                            "run",
                            "state",
                            "trigger",
                            "epoch",
                            "validation r",
                            "model",
                            "campaign");
            for (final JsonNode r : services.http().getJson(services.trainer("/training/runs"))) {
                t.row(
                        r.path("runId").asText(),
                        r.path("state").asText(),
                        r.path("trigger").asText(),
                        "%d/%d".formatted(r.path("epoch").asInt(), r.path("epochs").asInt()),
                        TrainCommand.number(r.path("validationR"), "%.3f"),
                        r.path("modelVersion").asText(null),
                        r.path("campaignId").asText(null));
            }
            t.print(System.out);
            return 0;
        }
    }

    /** {@code dreamloop training show}. */
    @Command(name = "show", description = "One training run.", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Override
        public Integer call() {
            print(run(services, runId));
            return 0;
        }

        static void print(final JsonNode r) {
            new Table(
                            "run",
                            "state",
                            "architecture",
                            "size",
                            "batch",
                            "epoch",
                            "training rows",
                            "validation rows",
                            "skipped (QC flags)",
                            "validation r",
                            "model")
                    .row(
                            r.path("runId").asText(),
                            r.path("state").asText(),
                            r.path("architecture").asText(),
                            r.path("size").asText(null),
                            r.path("batchSize").isNumber() ? r.path("batchSize").asInt() : null,
                            "%d/%d".formatted(r.path("epoch").asInt(), r.path("epochs").asInt()),
                            r.path("trainingRows").asInt(),
                            r.path("validationRows").asInt(),
                            r.path("skippedFlaggedRows").asInt(),
                            TrainCommand.number(r.path("validationR"), "%.3f"),
                            r.path("modelVersion").asText(null))
                    .print(System.out);
            if (r.hasNonNull("decision")) {
                // Why its model did or did not become champion, with both held-out r.
                System.out.println(r.path("reason").asText());
            } else if (r.hasNonNull("reason")) {
                System.out.println("reason: " + r.path("reason").asText());
            }
        }
    }

    /** {@code dreamloop training watch}. */
    @Command(
            name = "watch",
            description = "Follow a run with a progress bar; exit 1 unless it succeeds.",
            mixinStandardHelpOptions = true)
    static final class Watch implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Override
        public Integer call() {
            return TrainCommand.follow(services, runId, 600);
        }
    }

    /** {@code dreamloop training cancel}. */
    @Command(
            name = "cancel",
            description = "Stop a queued or running run before its next batch.",
            mixinStandardHelpOptions = true)
    static final class Cancel implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Override
        public Integer call() {
            services.http()
                    .post(
                            services.trainer(
                                    "/training/runs/%s/cancel"
                                            .formatted(Connection.encode(runId))));
            System.out.printf("training run %s: cancelling%n", runId);
            return 0;
        }
    }

    /** {@code dreamloop training dataset}. */
    @Command(
            name = "dataset",
            description = "What the trainer learns from: measurements per scale and method.",
            mixinStandardHelpOptions = true)
    static final class Dataset implements Callable<Integer> {
        @Mixin Connection services;

        @Override
        public Integer call() {
            final JsonNode slices = services.http().getJson(services.trainer("/dataset"));
            final Table t = new Table("scale", "method", "measurements", "runs");
            for (final JsonNode s : slices) {
                t.row(
                        s.path("scale").asText(),
                        s.path("method").asText(),
                        s.path("measurements").asLong(),
                        s.path("runs").asLong());
            }
            t.print(System.out);
            return 0;
        }
    }
}
