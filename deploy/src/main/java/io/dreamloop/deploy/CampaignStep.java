package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
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
 * budget and seed: the designer designs each campaign's test library and each cycle's library, the
 * in-silico lab measures them, lab-ingest estimates, the trainer trains the cycle's ensemble on the
 * campaign's measurements and scores it on the test library, and the designer acquires the next
 * batch with it. Prints each change of cycle or step as it happens, then each cycle's score on the
 * test library: the same sequences for every strategy (the same seed designs them), never trained
 * on.
 */
public final class CampaignStep {

    /**
     * Settings of the campaigns.
     *
     * @param testPerSubset members (pairs) per subset of each campaign's test library; 0 for none
     * @param testChallenger the model set against the champion in the test library's challenging
     *     subset, or null for none
     * @param testNativePromoters FASTA of the promoters its native subset is cut from, or null for
     *     none
     * @param designGoal {@code maximize} or {@code minimize} for one more campaign with that
     *     objective, or null
     */
    public record Settings(
            int cycles,
            int budget,
            int candidates,
            int testPerSubset,
            String testChallenger,
            String testNativePromoters,
            String designGoal,
            long seed,
            Duration timeout) {}

    /**
     * A campaign as it ended.
     *
     * @param view the designer's view of it
     * @param heldOutR per cycle the mean held-out r of its models
     * @param evaluation the trainer's scores of its cycles on the test library
     */
    public record Outcome(
            String strategy, JsonNode view, List<Double> heldOutR, JsonNode evaluation) {
        /** Per cycle a metric of the ensemble on the test library, null where it is missing. */
        public List<Double> test(final String metric) {
            final List<Double> out = new ArrayList<>();
            for (int k = 0; k < heldOutR.size(); k++) {
                out.add(null);
            }
            for (final JsonNode c : evaluation.path("cycles")) {
                final int k = c.path("cycle").asInt();
                if (k < out.size() && c.path("metrics").hasNonNull(metric)) {
                    out.set(k, c.path("metrics").path(metric).asDouble());
                }
            }
            return out;
        }
    }

    /** The test library part of a campaign request. */
    private static Map<String, Object> testLibrary(final Settings settings) {
        final Map<String, Object> test = new LinkedHashMap<>();
        test.put("perSubset", settings.testPerSubset());
        if (settings.testPerSubset() > 0 && settings.testChallenger() != null) {
            test.put("challenger", settings.testChallenger());
        }
        if (settings.testPerSubset() > 0 && settings.testNativePromoters() != null) {
            test.put("nativePromoters", settings.testNativePromoters());
        }
        return test;
    }

    /** How long the trainer may take to score the last cycle after the campaign finished. */
    private static final Duration SCORING = Duration.ofMinutes(5);

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
        final Map<String, String> ids = start(stack, strategies, settings);
        out.printf(
                " 11. user -> designer  campaigns %s: %d cycles after a random first batch, %d sequences per cycle, %d candidates scored per acquisition%n",
                ids.values(), settings.cycles(), settings.budget(), settings.candidates());
        final Map<String, JsonNode> ended = follow(stack, ids, settings.timeout(), out);
        final List<Outcome> outcomes = new ArrayList<>();
        ended.forEach(
                (strategy, view) ->
                        outcomes.add(
                                new Outcome(
                                        strategy,
                                        view,
                                        curve(view),
                                        scored(stack, ids.get(strategy), view, out))));
        printScores(outcomes, settings, out);
        if (settings.designGoal() != null) {
            printBatches(outcomes, settings.designGoal(), out);
        }
        return outcomes;
    }

    /**
     * Posts one campaign per strategy, plus the design-goal campaign when there is one.
     *
     * @return campaign id by label (strategy or goal), in the order posted
     */
    private static Map<String, String> start(
            final LocalStack stack, final List<String> strategies, final Settings settings) {
        final String designer = stack.url(Topics.DESIGNER);
        final Map<String, String> ids = new LinkedHashMap<>();
        final List<String> labels = new ArrayList<>(strategies);
        if (settings.designGoal() != null) {
            labels.add(settings.designGoal());
        }
        for (final String label : labels) {
            final String id = "camp-" + label + "-" + settings.seed();
            stack.http().postJson(designer + "/campaigns", request(label, id, settings));
            ids.put(label, id);
        }
        return ids;
    }

    /**
     * The campaign request for one label: a learning-curve campaign for a strategy, or a random
     * campaign that optimizes expression for the design goal.
     */
    private static Map<String, Object> request(
            final String label, final String id, final Settings settings) {
        final boolean goal = label.equals(settings.designGoal());
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", id);
        body.put(
                "goal", goal ? label + " expression" : "learning curve, " + label + " acquisition");
        body.put("strategy", goal ? "random" : label);
        body.put("objective", goal ? label : "model");
        body.put("cycles", settings.cycles());
        body.put("budget", settings.budget());
        body.put("candidates", settings.candidates());
        body.put("seed", settings.seed());
        body.put("testLibrary", testLibrary(settings));
        return body;
    }

    /**
     * Polls every campaign once a second until all have finished, printing each one's progress line
     * whenever it changes.
     *
     * @return the designer's final view by label, in the order the campaigns finished
     * @throws IllegalStateException when a campaign fails or is cancelled, or on timeout
     */
    private static Map<String, JsonNode> follow(
            final LocalStack stack,
            final Map<String, String> ids,
            final Duration timeout,
            final PrintStream out) {
        final String designer = stack.url(Topics.DESIGNER);
        final Instant t0 = Instant.now();
        final Instant deadline = t0.plus(timeout);
        final Map<String, String> lastLine = new LinkedHashMap<>();
        final Map<String, JsonNode> ended = new LinkedHashMap<>();
        while (ended.size() < ids.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "campaigns did not finish within %s: %s"
                                .formatted(timeout, lastLine.values()));
            }
            for (final Map.Entry<String, String> e : ids.entrySet()) {
                if (ended.containsKey(e.getKey())) {
                    continue;
                }
                final JsonNode view = stack.http().getJson(designer + "/campaigns/" + e.getValue());
                final String line = progress(view) + testScore(evaluation(stack, e.getValue()));
                if (!line.equals(lastLine.get(e.getKey()))) {
                    out.printf(
                            "       [%5.0f s] %s%n",
                            Duration.between(t0, Instant.now()).toMillis() / 1000.0, line);
                    lastLine.put(e.getKey(), line);
                }
                if (hasEnded(e.getValue(), view)) {
                    ended.put(e.getKey(), view);
                }
            }
            ServiceProcess.sleep(1000);
        }
        return ended;
    }

    /**
     * Whether the campaign has finished.
     *
     * @throws IllegalStateException when it failed or was cancelled
     */
    private static boolean hasEnded(final String campaignId, final JsonNode view) {
        final String status = view.path("status").asText();
        if ("failed".equals(status) || "cancelled".equals(status)) {
            throw new IllegalStateException(
                    "campaign %s %s: %s"
                            .formatted(campaignId, status, view.path("failure").asText()));
        }
        return "finished".equals(status);
    }

    /** Each cycle's held-out r per campaign and, when there is a test library, its test scores. */
    private static void printScores(
            final List<Outcome> outcomes, final Settings settings, final PrintStream out) {
        out.println(
                "       held-out Pearson r of each cycle's ensemble (trainer's held-out rows, different for each campaign):");
        outcomes.forEach(o -> out.printf("       %-14s%s%n", o.strategy(), row(o.heldOutR(), 3)));
        if (settings.testPerSubset() <= 0) {
            return;
        }
        final JsonNode test = outcomes.getFirst().view().path("testLibrary");
        out.printf(
                "       on the test library (%,d members: %d per subset of %s; measured once, never trained on):%n",
                test.path("members").asInt(), test.path("perSubset").asInt(), test.path("subsets"));
        out.println("         challenge Pearson score of each cycle's ensemble:");
        outcomes.forEach(
                o -> out.printf("       %-14s%s%n", o.strategy(), row(o.test("score.pearson"), 4)));
        out.println("         Pearson r against the in-silico lab's noiseless truth:");
        outcomes.forEach(
                o ->
                        out.printf(
                                "       %-14s%s%n",
                                o.strategy(), row(o.test("truth.pearson.all"), 4)));
    }

    /**
     * What each cycle's batch measured, in truth (the in-silico lab's noiseless z), for every
     * campaign: the design-goal campaign's designed batches beside the model campaigns' acquired
     * ones (random's are random search).
     */
    private static void printBatches(
            final List<Outcome> outcomes, final String goal, final PrintStream out) {
        final boolean max = "maximize".equals(goal);
        final String top = max ? "top10" : "bottom10";
        out.printf(
                "       each cycle's batch in truth (z; cycle 0 random): mean / %s / %s%n",
                max ? "top 10%" : "bottom 10%", max ? "best" : "lowest");
        for (final Outcome o : outcomes) {
            final List<Double> mean = batchTruth(o, "mean");
            final List<Double> tenth = batchTruth(o, top);
            final List<Double> extreme = batchTruth(o, max ? "max" : "min");
            final StringBuilder row = new StringBuilder();
            for (int c = 0; c < mean.size(); c++) {
                row.append(
                        mean.get(c) == null
                                ? "  -"
                                : String.format(
                                        Locale.ROOT,
                                        "  %6.3f / %6.3f / %6.3f",
                                        mean.get(c),
                                        tenth.get(c),
                                        extreme.get(c)));
            }
            out.printf("       %-14s%s%n", o.strategy(), row);
        }
    }

    /** Per cycle one statistic of the batch in truth (z), null where unknown. */
    static List<Double> batchTruth(final Outcome o, final String statistic) {
        final List<Double> out = new ArrayList<>();
        for (final JsonNode b : o.evaluation().path("batches")) {
            final JsonNode t = b.path("truth");
            out.add(t.isObject() ? t.path(statistic).asDouble() : null);
        }
        return out;
    }

    private static String row(final List<Double> values, final int decimals) {
        final StringBuilder row = new StringBuilder();
        for (final Double v : values) {
            row.append(
                    v == null
                            ? " " + " ".repeat(decimals + 2) + "-"
                            : String.format(
                                    Locale.ROOT, " %" + (decimals + 3) + "." + decimals + "f", v));
        }
        return row.toString();
    }

    /** The trainer's scores of a campaign's cycles on its test library. */
    static JsonNode evaluation(final LocalStack stack, final String campaignId) {
        return stack.http()
                .getJson(stack.url(Topics.TRAINER) + "/campaigns/" + campaignId + "/evaluation");
    }

    /**
     * The evaluation once every cycle is scored, waiting up to {@link #SCORING} (the trainer scores
     * the last cycle after publishing its models); what is there then, when the campaign has a test
     * library, else at once.
     */
    private static JsonNode scored(
            final LocalStack stack,
            final String campaignId,
            final JsonNode view,
            final PrintStream out) {
        final int cycles = view.path("cycleDetails").size();
        final Instant deadline = Instant.now().plus(SCORING);
        JsonNode evaluation = evaluation(stack, campaignId);
        while (view.path("testLibrary").isObject()
                && evaluation.path("cycles").size() < cycles
                && Instant.now().isBefore(deadline)) {
            ServiceProcess.sleep(1000);
            evaluation = evaluation(stack, campaignId);
        }
        if (view.path("testLibrary").isObject() && evaluation.path("cycles").size() < cycles) {
            out.printf(
                    "       %s: only %d of %d cycles scored on the test library within %s%n",
                    campaignId, evaluation.path("cycles").size(), cycles, SCORING);
        }
        return evaluation;
    }

    /** "; test score S (cycle k)" for the latest scored cycle, or nothing. */
    static String testScore(final JsonNode evaluation) {
        final JsonNode cycles = evaluation.path("cycles");
        if (cycles.isEmpty()) {
            return "";
        }
        final JsonNode last = cycles.get(cycles.size() - 1);
        return String.format(
                Locale.ROOT,
                "; test library: score %.4f, r vs truth %.3f (cycle %d)",
                last.path("metrics").path("score.pearson").asDouble(),
                last.path("metrics").path("truth.pearson.all").asDouble(Double.NaN),
                last.path("cycle").asInt());
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
