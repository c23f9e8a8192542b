package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
import io.dreamloop.contracts.topic.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Closed-loop campaigns through the running services, one per acquisition strategy with the same
 * budget and seed: the designer designs each cycle's library, the in-silico lab measures it,
 * lab-ingest estimates, the trainer trains the cycle's ensemble on the campaign's measurements, and
 * the designer acquires the next batch with it. Prints each change of cycle or step as it happens.
 */
public final class CampaignStep {

    /** Settings of the campaigns. */
    public record Settings(int cycles, int budget, int candidates, long seed, Duration timeout) {}

    /** A campaign as it ended: its view, and per cycle the mean held-out r of its models. */
    public record Outcome(String strategy, JsonNode view, List<Double> heldOutR) {}

    private CampaignStep() {}

    /**
     * Starts one campaign per strategy and follows them to the end.
     *
     * @return the campaigns as they ended, in strategy order
     * @throws IllegalStateException when a campaign fails or times out
     */
    public static List<Outcome> run(
            final LocalStack stack,
            final List<String> strategies,
            final Settings settings,
            final PrintStream out) {
        final ServiceClient http = stack.http();
        final String designer = stack.url(Topics.DESIGNER);
        final Map<String, String> ids = new LinkedHashMap<>();
        for (final String strategy : strategies) {
            final String id = "camp-" + strategy + "-" + settings.seed();
            http.postJson(
                    designer + "/campaigns",
                    Map.of(
                            "campaignId", id,
                            "goal", "learning curve, " + strategy + " acquisition",
                            "strategy", strategy,
                            "cycles", settings.cycles(),
                            "budget", settings.budget(),
                            "candidates", settings.candidates(),
                            "seed", settings.seed()));
            ids.put(strategy, id);
        }
        out.printf(
                " 11. user -> designer  campaigns %s: %d cycles after a random first batch, %d sequences per cycle, %d candidates scored per acquisition%n",
                ids.values(), settings.cycles(), settings.budget(), settings.candidates());
        final Instant t0 = Instant.now();
        final Instant deadline = t0.plus(settings.timeout());
        final Map<String, String> lastLine = new LinkedHashMap<>();
        final Map<String, JsonNode> ended = new LinkedHashMap<>();
        while (ended.size() < ids.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "campaigns did not finish within %s: %s"
                                .formatted(settings.timeout(), lastLine.values()));
            }
            for (final Map.Entry<String, String> e : ids.entrySet()) {
                if (ended.containsKey(e.getKey())) {
                    continue;
                }
                final JsonNode view = http.getJson(designer + "/campaigns/" + e.getValue());
                final String line = progress(view);
                if (!line.equals(lastLine.get(e.getKey()))) {
                    out.printf(
                            "       [%5.0f s] %s%n",
                            Duration.between(t0, Instant.now()).toMillis() / 1000.0, line);
                    lastLine.put(e.getKey(), line);
                }
                final String status = view.path("status").asText();
                if ("failed".equals(status) || "cancelled".equals(status)) {
                    throw new IllegalStateException(
                            "campaign %s %s: %s"
                                    .formatted(
                                            e.getValue(), status, view.path("failure").asText()));
                }
                if ("finished".equals(status)) {
                    ended.put(e.getKey(), view);
                }
            }
            ServiceProcess.sleep(1000);
        }
        final List<Outcome> outcomes = new ArrayList<>();
        ended.forEach((strategy, view) -> outcomes.add(new Outcome(strategy, view, curve(view))));
        out.println(
                "       held-out Pearson r of each cycle's ensemble (trainer's held-out rows):");
        for (final Outcome o : outcomes) {
            final StringBuilder row = new StringBuilder();
            for (final Double r : o.heldOutR()) {
                row.append(r == null ? "     -" : String.format(Locale.ROOT, " %6.3f", r));
            }
            out.printf("       %-14s%s%n", o.strategy(), row);
        }
        return outcomes;
    }

    /** One line: campaign, cycle, step, members, models and their score. */
    static String progress(final JsonNode view) {
        final JsonNode cycles = view.path("cycleDetails");
        final JsonNode current = cycles.get(cycles.size() - 1);
        final JsonNode models = current.path("models");
        final String step;
        if (!"running".equals(view.path("status").asText())) {
            step = view.path("status").asText();
        } else if ("requested".equals(current.path("libraryStatus").asText())) {
            step = "designing";
        } else if (models.isEmpty()) {
            step = "measuring and training";
        } else {
            step = "training (%d models in)".formatted(models.size());
        }
        final JsonNode previous = cycles.size() > 1 ? cycles.get(cycles.size() - 2) : null;
        final JsonNode scored = models.isEmpty() ? previous : current;
        final String score =
                scored == null || scored.path("meanHeldOutR").isNull()
                        ? "no model yet"
                        : String.format(
                                Locale.ROOT,
                                "model of cycle %d: held-out r %.3f",
                                scored.path("cycle").asInt(),
                                scored.path("meanHeldOutR").asDouble());
        return "%s cycle %d/%d: %s, %d members; %s"
                .formatted(
                        view.path("campaignId").asText(),
                        current.path("cycle").asInt(),
                        view.path("cycles").asInt(),
                        step,
                        current.path("members").asInt(),
                        score);
    }

    private static List<Double> curve(final JsonNode view) {
        final List<Double> out = new ArrayList<>();
        for (final JsonNode c : view.path("cycleDetails")) {
            out.add(c.path("meanHeldOutR").isNull() ? null : c.path("meanHeldOutR").asDouble());
        }
        return out;
    }
}
