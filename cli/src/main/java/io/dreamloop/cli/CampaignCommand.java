package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.ProgressBar;
import io.dreamloop.cli.console.Table;
import io.dreamloop.cli.http.ServiceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dreamloop campaign}: closed-loop campaigns in the designer. */
@Command(
        name = "campaign",
        description = "Closed-loop campaigns: start, list, show, watch, cancel.",
        mixinStandardHelpOptions = true,
        subcommands = {
            CampaignCommand.Start.class,
            CampaignCommand.ListCampaigns.class,
            CampaignCommand.Show.class,
            CampaignCommand.Watch.class,
            CampaignCommand.Cancel.class
        })
final class CampaignCommand {

    /** {@code dreamloop campaign start}. */
    @Command(
            name = "start",
            description = "Start a campaign (POST /campaigns); with --watch, follow it to the end.",
            mixinStandardHelpOptions = true)
    static final class Start implements Callable<Integer> {
        @Mixin Connection services;

        @Option(names = "--id", description = "Campaign id (generated when absent).")
        String campaignId;

        @Option(names = "--goal", description = "What the campaign is for (free text).")
        String goal;

        @Option(
                names = "--strategy",
                description =
                        "Acquisition: random, uncertainty, diverse-uncertainty, mixed, disagreement,"
                                + " exploit-high, exploit-low.")
        String strategy;

        @Option(names = "--cycles", description = "Cycles after the random first batch.")
        Integer cycles;

        @Option(names = "--budget", description = "Sequences per cycle.")
        Integer budget;

        @Option(names = "--candidates", description = "Candidates scored per acquisition.")
        Integer candidates;

        @Option(
                names = "--min-hamming",
                description = "Diversity: least Hamming distance in a batch.")
        Integer minHamming;

        @Option(names = "--seed", required = true, description = "Seed of every random choice.")
        long seed;

        @Option(names = "--variable-length", description = "Variable-region length (default 80).")
        Integer variableLength;

        @Option(
                names = "--test-per-subset",
                description =
                        "Test library: members (pairs) per subset (default 100; 0 for none). Every cycle is scored on it.")
        Integer testPerSubset;

        @Option(
                names = "--test-subsets",
                split = ",",
                description =
                        "Test library subsets (default random,high,low,snv,motif-perturbation,motif-tiling;"
                                + " with challenging when --test-challenger is given and native when --test-native-promoters is).")
        List<String> testSubsets;

        @Option(
                names = "--test-challenger",
                paramLabel = "MODEL",
                description =
                        "Model version set against the champion in the test library's challenging subset.")
        String testChallenger;

        @Option(
                names = "--test-native-promoters",
                paramLabel = "FASTA",
                description =
                        "Promoter sequences (FASTA, at most 512 KiB) the test library's native fragments are cut from.")
        Path testNativePromoters;

        @Option(
                names = "--test-ga-preset",
                description =
                        "GA preset of the test library's high, low and challenging subsets (default test).")
        String testGaPreset;

        @Option(
                names = "--objective",
                description =
                        "model (default: a better model), maximize or minimize (expression: each cycle the GA designs on the ensemble's confidence bound).")
        String objective;

        @Option(
                names = "--kappa",
                description = "Weight of the ensemble's sd in that bound (default 1).")
        Double kappa;

        @Option(
                names = "--ga-preset",
                description = "GA preset of a maximize or minimize campaign (default test).")
        String gaPreset;

        @Option(names = "--watch", description = "Follow the campaign until it ends.")
        boolean watch;

        @Option(
                names = "--timeout-minutes",
                defaultValue = "600",
                description = "With --watch: give up waiting after this long.")
        int timeoutMinutes;

        @Override
        public Integer call() {
            final Map<String, Object> body = new LinkedHashMap<>();
            body.put("campaignId", campaignId);
            body.put("goal", goal);
            body.put("strategy", strategy);
            body.put("cycles", cycles);
            body.put("budget", budget);
            body.put("candidates", candidates);
            body.put("minHamming", minHamming);
            body.put("seed", seed);
            body.put("variableLength", variableLength);
            body.put("objective", objective);
            body.put("kappa", kappa);
            body.put("gaPreset", gaPreset);
            final Map<String, Object> test = new LinkedHashMap<>();
            test.put("perSubset", testPerSubset);
            test.put("subsets", testSubsets);
            test.put("gaPreset", testGaPreset);
            test.put("challenger", testChallenger);
            if (testNativePromoters != null) {
                test.put(
                        "nativePromoters",
                        InputFiles.text(testNativePromoters, "--test-native-promoters"));
            }
            test.values().removeIf(Objects::isNull);
            body.put("testLibrary", test.isEmpty() ? null : test);
            body.values().removeIf(Objects::isNull);
            final JsonNode c = services.http().postJson(services.designer("/campaigns"), body);
            System.out.printf(
                    "campaign %s: %s, %d cycles after a random first batch, %d sequences per cycle%n",
                    c.path("campaignId").asText(),
                    c.path("strategy").asText(),
                    c.path("cycles").asInt(),
                    c.path("budget").asInt());
            return watch
                    ? Watch.follow(services, c.path("campaignId").asText(), timeoutMinutes)
                    : 0;
        }
    }

    /** {@code dreamloop campaign list}. */
    @Command(name = "list", description = "Every campaign.", mixinStandardHelpOptions = true)
    static final class ListCampaigns implements Callable<Integer> {
        @Mixin Connection services;

        @Override
        public Integer call() {
            final Table t =
                    new Table("campaign", "strategy", "status", "cycle", "budget", "created");
            for (final JsonNode c : services.http().getJson(services.designer("/campaigns"))) {
                t.row(
                        c.path("campaignId").asText(),
                        c.path("strategy").asText(),
                        c.path("status").asText(),
                        "%d/%d".formatted(c.path("currentCycle").asInt(), c.path("cycles").asInt()),
                        c.path("budget").asInt(),
                        c.path("createdAt").asText());
            }
            t.print(System.out);
            return 0;
        }
    }

    /** {@code dreamloop campaign show}. */
    @Command(
            name = "show",
            description =
                    "A campaign with its cycles, libraries, models and each cycle's score on the test library.",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "CAMPAIGN_ID")
        String campaignId;

        @Override
        public Integer call() {
            print(get(services, campaignId), evaluation(services, campaignId));
            return 0;
        }

        /**
         * The trainer's scores of the campaign's cycles on its test library; a JSON text node with
         * the reason when the trainer cannot be asked.
         */
        static JsonNode evaluation(final Connection services, final String id) {
            try {
                return services.http()
                        .getJson(
                                services.trainer(
                                        "/campaigns/%s/evaluation"
                                                .formatted(Connection.encode(id))));
            } catch (final ServiceException e) {
                return com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getMessage());
            }
        }

        static void print(final JsonNode c, final JsonNode evaluation) {
            printHeader(c, evaluation);
            final Map<Integer, JsonNode> scored = new HashMap<>();
            for (final JsonNode e : evaluation.path("cycles")) {
                scored.put(e.path("cycle").asInt(), e.path("metrics"));
            }
            cycles(c, scored).print(System.out);
            printBatches(c, evaluation);
            if (!scored.isEmpty()) {
                System.out.println(
                        "test score: the challenge's Pearson score of the cycle's ensemble on the test library"
                                + " (subsets it lacks count 0); test r: Pearson r over all its members;"
                                + " truth r: against the in-silico lab's noiseless truth");
            }
        }

        /** The campaign's status line and its test library, or why there is none. */
        private static void printHeader(final JsonNode c, final JsonNode evaluation) {
            System.out.printf(
                    "campaign %s (%s): %s, cycle %d of %d%s%n",
                    c.path("campaignId").asText(),
                    "model".equals(c.path("objective").asText("model"))
                            ? c.path("strategy").asText()
                            : c.path("objective").asText(),
                    c.path("status").asText(),
                    c.path("currentCycle").asInt(),
                    c.path("cycles").asInt(),
                    c.hasNonNull("failure") ? ": " + c.path("failure").asText() : "");
            final JsonNode test = c.path("testLibrary");
            if (test.isObject()) {
                System.out.printf(
                        "test library %s: %s, %,d members (%d per subset of %s); %,d measured%n",
                        test.path("libraryId").asText(),
                        test.path("libraryStatus").asText(),
                        test.path("members").asInt(),
                        test.path("perSubset").asInt(),
                        String.join(", ", texts(test.path("subsets"))),
                        evaluation.path("testLibraryRows").asInt());
            } else {
                System.out.println("no test library: cycles are scored on held-out rows only");
            }
            if (evaluation.isTextual()) {
                System.out.println("test-library scores unavailable: " + evaluation.asText());
            }
        }

        /** One row per cycle, with its test-library metrics where {@code scored} has them. */
        private static Table cycles(final JsonNode c, final Map<Integer, JsonNode> scored) {
            final Table t =
                    new Table(
                            "cycle",
                            "library",
                            "library status",
                            "members",
                            "models",
                            "held-out r",
                            "test score",
                            "test r",
                            "truth r");
            for (final JsonNode cycle : c.path("cycleDetails")) {
                final JsonNode m = scored.get(cycle.path("cycle").asInt());
                t.row(
                        cycle.path("cycle").asInt(),
                        cycle.path("libraryId").asText(null),
                        cycle.path("libraryStatus").asText(null),
                        cycle.path("members").asInt(),
                        cycle.path("models").size(),
                        cycle.hasNonNull("meanHeldOutR")
                                ? "%.3f".formatted(cycle.path("meanHeldOutR").asDouble())
                                : null,
                        metric(m, "score.pearson"),
                        metric(m, "pearson.all"),
                        metric(m, "truth.pearson.all"));
            }
            return t;
        }

        /**
         * For a maximize or minimize campaign, what each cycle's batch measured: mean, the best
         * tenth's mean and the best, measured and (in-silico) in truth.
         */
        private static void printBatches(final JsonNode c, final JsonNode evaluation) {
            final String objective = c.path("objective").asText("model");
            if ("model".equals(objective) || evaluation.path("batches").isEmpty()) {
                return;
            }
            final boolean max = "maximize".equals(objective);
            final String top = max ? "top10" : "bottom10";
            final String best = max ? "max" : "min";
            System.out.printf(
                    "%s, kappa %s: what each cycle's batch measured (cycle 0 random, then designed)%n",
                    objective, c.path("kappa").asText());
            final Table t =
                    new Table(
                            "cycle",
                            "n",
                            "mean",
                            max ? "top 10%" : "bottom 10%",
                            "best",
                            "truth mean",
                            "truth " + (max ? "top 10%" : "bottom 10%"),
                            "truth best");
            for (final JsonNode b : evaluation.path("batches")) {
                final JsonNode m = b.path("measured");
                final JsonNode tr = b.path("truth");
                t.row(
                        b.path("cycle").asInt(),
                        b.path("n").asInt(),
                        "%.3f".formatted(m.path("mean").asDouble()),
                        "%.3f".formatted(m.path(top).asDouble()),
                        "%.3f".formatted(m.path(best).asDouble()),
                        tr.isObject() ? "%.3f".formatted(tr.path("mean").asDouble()) : null,
                        tr.isObject() ? "%.3f".formatted(tr.path(top).asDouble()) : null,
                        tr.isObject() ? "%.3f".formatted(tr.path(best).asDouble()) : null);
            }
            t.print(System.out);
        }

        private static String metric(final JsonNode metrics, final String name) {
            return metrics == null || !metrics.hasNonNull(name)
                    ? null
                    : "%.4f".formatted(metrics.path(name).asDouble());
        }

        private static List<String> texts(final JsonNode array) {
            final List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(n.asText()));
            return out;
        }
    }

    /** {@code dreamloop campaign watch}. */
    @Command(
            name = "watch",
            description =
                    "Follow a campaign with a progress bar until it ends; exit 1 when it failed.",
            mixinStandardHelpOptions = true)
    static final class Watch implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "CAMPAIGN_ID")
        String campaignId;

        @Option(names = "--timeout-minutes", defaultValue = "600")
        int timeoutMinutes;

        @Override
        public Integer call() {
            return follow(services, campaignId, timeoutMinutes);
        }

        static int follow(final Connection services, final String id, final int timeoutMinutes) {
            final ProgressBar bar = ProgressBar.onStdout();
            final JsonNode end =
                    Poll.until(
                            "campaign " + id,
                            () -> Optional.of(get(services, id)),
                            c -> !"running".equals(c.path("status").asText()),
                            c -> c.ifPresent(x -> bar.update(fraction(x), label(x))),
                            Duration.ofSeconds(2),
                            Duration.ofMinutes(timeoutMinutes));
            bar.done();
            Show.print(end, Show.evaluation(services, id));
            return "failed".equals(end.path("status").asText()) ? 1 : 0;
        }

        /**
         * Cycles done plus a third of a cycle for each step of the current one (designed, first
         * model in).
         */
        static double fraction(final JsonNode c) {
            if (!"running".equals(c.path("status").asText())) {
                return 1.0;
            }
            final int cycles = c.path("cycles").asInt() + 1;
            final JsonNode current = current(c);
            double steps = 0;
            if (current != null && "designed".equals(current.path("libraryStatus").asText())) {
                steps += 1.0 / 3;
            }
            if (current != null && !current.path("models").isEmpty()) {
                steps += 1.0 / 3;
            }
            return Math.min(1.0, (c.path("currentCycle").asInt() + steps) / cycles);
        }

        static String label(final JsonNode c) {
            final String head =
                    "%s cycle %d/%d"
                            .formatted(
                                    c.path("campaignId").asText(),
                                    c.path("currentCycle").asInt(),
                                    c.path("cycles").asInt());
            if (!"running".equals(c.path("status").asText())) {
                return head + ": " + c.path("status").asText();
            }
            final JsonNode current = current(c);
            if (current == null || !"designed".equals(current.path("libraryStatus").asText())) {
                return head + ": designing";
            }
            final int models = current.path("models").size();
            return models == 0
                    ? head
                            + ": measuring and training, %,d members"
                                    .formatted(current.path("members").asInt())
                    : head + ": training (%d models in)".formatted(models);
        }

        private static JsonNode current(final JsonNode c) {
            final JsonNode cycles = c.path("cycleDetails");
            return cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
        }
    }

    /** {@code dreamloop campaign cancel}. */
    @Command(
            name = "cancel",
            description = "Cancel a running campaign: the cycle in flight completes, none follows.",
            mixinStandardHelpOptions = true)
    static final class Cancel implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "CAMPAIGN_ID")
        String campaignId;

        @Option(names = "--reason", description = "Why (kept with the campaign).")
        String reason;

        @Override
        public Integer call() {
            final String query = reason == null ? "" : "?reason=" + Connection.encode(reason);
            final JsonNode c =
                    services.http()
                            .post(
                                    services.designer(
                                            "/campaigns/%s/cancel%s"
                                                    .formatted(
                                                            Connection.encode(campaignId), query)));
            System.out.printf(
                    "campaign %s: %s%n", c.path("campaignId").asText(), c.path("status").asText());
            return 0;
        }
    }

    static JsonNode get(final Connection services, final String id) {
        return services.http().getJson(services.designer("/campaigns/" + Connection.encode(id)));
    }
}
