package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
import io.dreamloop.contracts.topic.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Closes the loop once: the trainer trains on every measurement so far, registers and publishes the
 * new version, and the predictor hot-swaps to it if it became champion (at least as good as the
 * served champion on the same held-out rows). Prints the run's epochs as they finish and the
 * champion decision with both numbers.
 */
public final class TrainStep {

    private TrainStep() {}

    /**
     * Starts a run, waits for it and, when its model became champion, for the predictor to serve
     * it.
     *
     * @return the new version
     * @throws IllegalStateException when the run fails or the predictor does not swap in time
     */
    public static String run(final LocalStack stack, final PrintStream out) {
        final ServiceClient http = stack.http();
        final String trainer = stack.url(Topics.TRAINER);
        final Instant t0 = Instant.now();
        final String runId = http.postJson(trainer + "/training", Map.of()).path("runId").asText();
        final String url = trainer + "/training/runs/" + runId;
        final JsonNode first = http.getJson(url);
        // One deadline for both waits: the training run and the predictor's swap.
        final Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        final JsonNode run = follow(http, url, first, deadline, out);
        if (!"succeeded".equals(run.path("state").asText())) {
            throw new IllegalStateException(
                    "training run %s ended %s: %s"
                            .formatted(
                                    runId,
                                    run.path("state").asText(),
                                    run.path("reason").asText()));
        }
        final String version = run.path("modelVersion").asText();
        final JsonNode model = http.getJson(trainer + "/models/" + version);
        // The new version becomes champion only if it scores at least as well as the champion
        // the predictor serves, on the same held-out rows; the run's reason says which and why.
        final boolean champion = run.path("decision").path("champion").asBoolean(false);
        final String served = served(stack, champion ? version : null, deadline);
        out.printf(
                "  9. trainer -> predictor        %s: %s trained on %,d rows (held-out %,d, r %.3f, Pearson score %.3f) in %d s; %s; the predictor serves %s%n",
                Topics.MODEL_PUBLISHED,
                version,
                run.path("trainingRows").asInt(),
                run.path("validationRows").asInt(),
                model.path("validationR").asDouble(),
                model.path("metrics").path("score.pearson").asDouble(),
                Duration.between(t0, Instant.now()).toSeconds(),
                run.path("reason").asText(),
                served);
        if (champion && !version.equals(served)) {
            throw new IllegalStateException(
                    "the predictor did not start serving champion " + version);
        }
        return version;
    }

    /**
     * Polls the training run, seen first as {@code first}, until it ends or the deadline passes,
     * printing each new epoch.
     *
     * @return the run as last seen
     */
    private static JsonNode follow(
            final ServiceClient http,
            final String url,
            final JsonNode first,
            final Instant deadline,
            final PrintStream out) {
        int shown = -1;
        JsonNode run = first;
        while (!finished(run) && Instant.now().isBefore(deadline)) {
            if (run.path("epoch").asInt() > shown && !run.path("validationR").isNull()) {
                shown = run.path("epoch").asInt();
                if (shown == 0) {
                    out.printf(
                            "       before training: validation r %.3f%n",
                            run.path("validationR").asDouble());
                    continue;
                }
                out.printf(
                        "       epoch %d/%d: loss %s, validation r %.3f, %.0f examples/s%n",
                        shown,
                        run.path("epochs").asInt(),
                        run.path("loss").isNull()
                                ? "-"
                                : "%.3f".formatted(run.path("loss").asDouble()),
                        run.path("validationR").asDouble(),
                        run.path("examplesPerSecond").asDouble());
            }
            ServiceProcess.sleep(500);
            run = http.getJson(url);
        }
        return run;
    }

    /**
     * The version the predictor serves, or "nothing"; when {@code champion} is not null, first
     * waits until the deadline for the predictor to serve it.
     */
    private static String served(
            final LocalStack stack, final String champion, final Instant deadline) {
        final ServiceClient http = stack.http();
        final String predictor = stack.url(Topics.PREDICTOR) + "/models/champion";
        while (champion != null
                && !http.find(predictor)
                        .map(c -> champion.equals(c.path("modelVersion").asText()))
                        .orElse(false)
                && Instant.now().isBefore(deadline)) {
            ServiceProcess.sleep(500);
        }
        return http.find(predictor).map(c -> c.path("modelVersion").asText()).orElse("nothing");
    }

    private static boolean finished(final JsonNode run) {
        final String state = run.path("state").asText();
        return !state.equals("queued") && !state.equals("running");
    }
}
