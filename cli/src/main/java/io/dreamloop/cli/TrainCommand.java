package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.ProgressBar;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dreamloop train}: a training run, optionally on a DREAM-format file added first. */
@Command(
        name = "train",
        description =
                "Train a model in the trainer: optionally add a DREAM-format file (sequence TAB expression) to the training data, start a run and follow it; exit 1 when it fails.",
        mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
    @Mixin Connection services;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description =
                    "A DREAM-format file added to the training data first (POST /dataset/files; kept, a second upload of the same content adds nothing).")
    Path file;

    @Option(
            names = "--architecture",
            description = "dream-cnn, dream-rnn or dream-attn (default: the trainer's).")
    String architecture;

    @Option(names = "--size", description = "cpu or paper (default: the trainer's).")
    String size;

    @Option(
            names = "--mode",
            description =
                    "fine-tune (from the champion when it has this architecture and size) or scratch (default: the trainer's).")
    String mode;

    @Option(names = "--epochs", description = "Epochs (default: the trainer's).")
    Integer epochs;

    @Option(names = "--batch-size", description = "Examples per step (default: the trainer's).")
    Integer batchSize;

    @Option(
            names = "--max-lr",
            description = "Peak rate of the one-cycle schedule (default: the recipe's).")
    Double maxLr;

    @Option(names = "--no-wait", description = "Return once the run is queued.")
    boolean noWait;

    @Option(names = "--timeout-minutes", defaultValue = "600")
    int timeoutMinutes;

    @Override
    public Integer call() throws IOException {
        if (file != null) {
            final String rows = InputFiles.text(file, "--file");
            final JsonNode added =
                    services.http()
                            .postText(
                                    services.trainer(
                                            "/dataset/files?name="
                                                    + Connection.encode(
                                                            file.getFileName().toString())),
                                    "text/tab-separated-values",
                                    rows,
                                    Duration.ofMinutes(5));
            System.out.printf(
                    "%s: %,d rows %s (%s)%n",
                    file,
                    added.path("rows").asInt(),
                    added.path("duplicate").asBoolean()
                            ? "were already in the training data"
                            : "added to the training data",
                    added.path("fileId").asText());
        }
        final String runId =
                services.http()
                        .postJson(services.trainer("/training"), settings())
                        .path("runId")
                        .asText();
        System.out.printf("training run %s queued%n", runId);
        return noWait ? 0 : follow(services, runId, timeoutMinutes);
    }

    /** The run's settings that override the trainer's configuration. */
    private Map<String, Object> settings() {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("architecture", architecture);
        body.put("size", size);
        body.put("mode", mode);
        body.put("epochs", epochs);
        body.put("batchSize", batchSize);
        body.put("maxLr", maxLr);
        body.values().removeIf(Objects::isNull);
        return body;
    }

    /** Follows a run with a progress bar; 0 when it succeeded. */
    static int follow(final Connection services, final String runId, final int timeoutMinutes) {
        final ProgressBar bar = ProgressBar.onStdout();
        final JsonNode end =
                Poll.until(
                        "training run " + runId,
                        () -> Optional.of(TrainingCommand.run(services, runId)),
                        r -> finished(r.path("state").asText()),
                        r -> r.ifPresent(x -> bar.update(fraction(x), label(x))),
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(timeoutMinutes));
        bar.done();
        TrainingCommand.Show.print(end);
        if (!"succeeded".equals(end.path("state").asText())) {
            throw new IllegalStateException(
                    "training run %s %s: %s"
                            .formatted(
                                    runId,
                                    end.path("state").asText(),
                                    end.path("reason").asText()));
        }
        return 0;
    }

    static boolean finished(final String state) {
        return switch (state) {
            case "succeeded", "failed", "cancelled" -> true;
            default -> false;
        };
    }

    static double fraction(final JsonNode r) {
        final long total = r.path("totalSteps").asLong();
        return total <= 0 ? 0 : r.path("step").asLong() / (double) total;
    }

    static String label(final JsonNode r) {
        if (!"running".equals(r.path("state").asText())) {
            return "%s: %s".formatted(r.path("runId").asText(), r.path("state").asText());
        }
        return "epoch %d/%d, step %,d/%,d, loss %s, validation r %s, %s examples/s"
                .formatted(
                        r.path("epoch").asInt(),
                        r.path("epochs").asInt(),
                        r.path("step").asLong(),
                        r.path("totalSteps").asLong(),
                        number(r.path("loss"), "%.4f"),
                        number(r.path("validationR"), "%.3f"),
                        number(r.path("examplesPerSecond"), "%.0f"));
    }

    static String number(final JsonNode n, final String format) {
        return n.isNumber() ? format.formatted(n.asDouble()) : "-";
    }
}
