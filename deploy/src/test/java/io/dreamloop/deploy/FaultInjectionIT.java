package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.cli.http.ServiceClient;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.JdbcSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A campaign runs to its end while its broker and then each of its four services is killed with
 * SIGKILL in the middle of a cycle, on a broker of its own (from the Maven jars, so that it can be
 * killed) and PostgreSQL: afterwards every library was designed once, sorted once, and every one of
 * its members is measured exactly once per estimation method at the trainer, every cycle's ensemble
 * was trained once per member and scored on the campaign's test library.
 *
 * <p>Scale-out (issue 16) in the same stack, which costs far less than a stack of its own: the
 * predictor and lab-ingest run two instances each (one consumer group, one database, as replicas on
 * a cluster). The campaign maximizes expression, so cycles 1 and 2 are GA designs scored through
 * the predictors; one predictor is killed mid-design and not restarted, the other serves the rest.
 * Before it, a champion imported through one predictor is served by both. Afterwards every score
 * request on the topic has exactly one committed answer, on the reply partition it named (the
 * killed predictor's open transaction is aborted and its partitions re-answered by the other from
 * the last commit), both predictors answered, and each run's members are estimated once.
 */
class FaultInjectionIT {
    private static final String CAMPAIGN = "fault-1";
    private static final int CYCLES = 2;
    private static final int BUDGET = 60;
    private static final int ENSEMBLE = 2;

    /** Test library: 10 random members and 10 SNV pairs (no model is served for high and low). */
    private static final int TEST_PER_SUBSET = 10;

    private static final int TEST_MEMBERS = 3 * TEST_PER_SUBSET;
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final int BASE_PORT = 18181;

    /** The DREAM-CNN fixture, imported as champion through one predictor instance. */
    private static final String CHAMPION = "scale-champion";

    /** The second instances: ports after the four services'. */
    private static final String PREDICTOR_2 = Topics.PREDICTOR + "-2";

    private static final String LAB_INGEST_2 = Topics.LAB_INGEST + "-2";

    /** Score answers each predictor instance published, read from its metrics. */
    private static final Map<String, Long> ANSWERED = new LinkedHashMap<>();

    private static final Map<String, JdbcSettings> DATABASES = new LinkedHashMap<>();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        final Infrastructure infrastructure = Infrastructure.get();
        final Path root = Infrastructure.repositoryRoot();
        final Path runDir = root.resolve(".run/faults");
        MainJob.deleteDataOf(runDir);
        stack =
                LocalStack.start(
                        root,
                        runDir,
                        19392,
                        null,
                        ServiceSpec.defaults(BASE_PORT),
                        spec -> {
                            final JdbcSettings db =
                                    CleanPostgres.database(infrastructure, spec, "faults");
                            DATABASES.put(spec.name(), db);
                            final Map<String, String> props =
                                    new LinkedHashMap<>(
                                            MainJob.embeddedProperties(root, runDir, 2));
                            // PostgreSQL (the default profile) instead of the embedded H2.
                            props.remove("quarkus.profile");
                            props.putAll(CleanPostgres.properties(db));
                            props.put(
                                    "dreamloop.trainer.campaign.ensemble",
                                    String.valueOf(ENSEMBLE));
                            return props;
                        },
                        System.out::println);
        // The second instances share the first's database: they must not clean it.
        final Map<String, String> shared = Map.of("quarkus.flyway.\"pg\".clean-at-start", "false");
        stack.addReplica(Topics.PREDICTOR, 2, BASE_PORT + 4, shared, System.out::println);
        stack.addReplica(Topics.LAB_INGEST, 2, BASE_PORT + 5, shared, System.out::println);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aCampaignSurvivesKillingTheBrokerAndEachServiceMidCycle()
            throws SQLException, IOException {
        assertEveryPredictorServesANewChampion();
        final ServiceClient http = stack.http();
        final String designer = stack.url(Topics.DESIGNER);
        http.postJson(
                designer + "/campaigns",
                Map.of(
                        "campaignId",
                        CAMPAIGN,
                        "goal",
                        "survive crashes",
                        "strategy",
                        "uncertainty",
                        "cycles",
                        CYCLES,
                        "budget",
                        BUDGET,
                        "candidates",
                        BUDGET * 4,
                        "seed",
                        5,
                        "testLibrary",
                        Map.of("perSubset", TEST_PER_SUBSET, "subsets", List.of("random", "snv")),
                        // GA designs from cycle 1 on, every generation scored by the predictors.
                        "objective",
                        "maximize"));
        final List<Fault> faults =
                List.of(
                        new Fault(
                                "kill and restart the broker, while cycle 0's library goes to lab-ingest",
                                view -> designed(view, 0),
                                () -> stack.crashAndRestartBroker(Duration.ofSeconds(3))),
                        new Fault(
                                "kill and restart the designer, as cycle 1 is acquired",
                                view -> cycle(view, 1) != null,
                                () -> restart(Topics.DESIGNER)),
                        new Fault(
                                "kill and restart the lab-ingest, while cycle 1's library is sorted",
                                view -> designed(view, 1),
                                () -> restart(Topics.LAB_INGEST)),
                        new Fault(
                                "kill and restart the trainer, while it trains an ensemble member of cycle 1 or later",
                                view -> trainingAfterCycle(0),
                                () -> restart(Topics.TRAINER)),
                        new Fault(
                                "kill the first predictor, not restarted, while the GA designs cycle 2",
                                view -> cycle(view, 2) != null && cycleTwoScoringStarted(),
                                FaultInjectionIT::killFirstPredictor));
        final List<String> injected = new ArrayList<>();
        final Instant deadline = Instant.now().plus(TIMEOUT);
        JsonNode view = http.getJson(designer + "/campaigns/" + CAMPAIGN);
        int next = 0;
        while (!"finished".equals(view.path("status").asText())) {
            assertThat(view.path("status").asText())
                    .as("campaign %s: %s", CAMPAIGN, view)
                    .isNotEqualTo("failed");
            assertThat(Instant.now()).as("campaign not finished: %s", view).isBefore(deadline);
            if (next < faults.size() && faults.get(next).when().test(view)) {
                final Fault fault = faults.get(next++);
                System.out.printf("injecting fault: %s%n", fault.what());
                fault.inject().run();
                injected.add(fault.what());
            }
            ServiceProcess.sleep(500);
            view = http.getJson(designer + "/campaigns/" + CAMPAIGN);
        }
        System.out.println("campaign finished: " + view);
        // Faults whose moment had passed when the campaign finished are injected now: the services
        // restart on a finished campaign and must not redo any of it.
        while (next < faults.size()) {
            final Fault fault = faults.get(next++);
            System.out.printf("injecting fault after the end: %s%n", fault.what());
            fault.inject().run();
        }
        assertThat(injected).as("faults injected while the campaign ran").hasSize(faults.size());

        assertThat(view.path("cycleDetails")).hasSize(CYCLES + 1);
        for (final JsonNode cycle : view.path("cycleDetails")) {
            assertThat(cycle.path("libraryStatus").asText()).isEqualTo("designed");
            assertThat(cycle.path("members").asInt()).isEqualTo(BUDGET);
            assertThat(cycle.path("models")).as("cycle %s", cycle).hasSize(ENSEMBLE);
        }
        assertOneSortPerLibrary();
        assertEachRunEstimatedOnce();
        assertEveryMemberMeasuredOncePerMethod();
        assertEveryScoreRequestAnsweredOnItsReplyPartition();
        assertOneTrainingRunPerEnsembleMember();
        assertEveryCycleScoredOnTheTestLibrary();
    }

    private static void assertEveryCycleScoredOnTheTestLibrary() {
        final String url = stack.url(Topics.TRAINER) + "/campaigns/" + CAMPAIGN + "/evaluation";
        final Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode evaluation = stack.http().getJson(url);
        while (evaluation.path("cycles").size() < CYCLES + 1 && Instant.now().isBefore(deadline)) {
            ServiceProcess.sleep(1000);
            evaluation = stack.http().getJson(url);
        }
        System.out.println("test-library scores: " + evaluation);
        assertThat(evaluation.path("testLibraryRows").asInt()).isEqualTo(TEST_MEMBERS);
        assertThat(evaluation.path("cycles")).hasSize(CYCLES + 1);
        for (int k = 0; k <= CYCLES; k++) {
            final JsonNode cycle = evaluation.path("cycles").get(k);
            assertThat(cycle.path("cycle").asInt()).isEqualTo(k);
            assertThat(cycle.path("testRows").asInt()).isEqualTo(TEST_MEMBERS);
            assertThat(cycle.path("models")).hasSize(ENSEMBLE);
            assertThat(cycle.path("metrics").path("truth.pearson.all").isNumber())
                    .as("cycle %d is scored against the truth: %s", k, cycle)
                    .isTrue();
        }
    }

    /**
     * A champion imported through the second predictor is served by both: one of them consumes its
     * model-published event (they share the group), the other follows the registry they share.
     */
    private static void assertEveryPredictorServesANewChampion() throws IOException {
        final Path models = Infrastructure.repositoryRoot().resolve("../shared/data/models");
        final String sequence =
                new ObjectMapper()
                        .readTree(models.resolve("dream_cnn_demo_expected.json").toFile())
                        .path("sequences")
                        .get(0)
                        .asText();
        stack.http()
                .postBytes(
                        stack.url(PREDICTOR_2)
                                + "/models/import?version="
                                + CHAMPION
                                + "&architecture=dream-cnn&champion=true",
                        Files.readAllBytes(models.resolve("dream_cnn_demo.pt")));
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (final String instance : List.of(Topics.PREDICTOR, PREDICTOR_2)) {
            String served = servedChampion(instance, sequence);
            while (!CHAMPION.equals(served) && Instant.now().isBefore(deadline)) {
                ServiceProcess.sleep(500);
                served = servedChampion(instance, sequence);
            }
            assertThat(served).as("the champion %s serves", instance).isEqualTo(CHAMPION);
        }
    }

    /** The version that scores a request for the champion on one predictor instance. */
    private static String servedChampion(final String instance, final String sequence) {
        try {
            return stack.http()
                    .postJson(
                            stack.url(instance) + "/score", Map.of("sequences", List.of(sequence)))
                    .path("modelVersion")
                    .asText();
        } catch (final IllegalStateException e) {
            return "none (" + e.getMessage() + ")";
        }
    }

    /** Answers of both predictors when cycle 2 was first seen; -1 before. */
    private static long answersBeforeCycleTwo = -1;

    /**
     * True once a score request of cycle 2's GA design has been answered: the kill then lands in
     * the middle of the design (GA runs of several generations, each scored), not before it.
     */
    private static boolean cycleTwoScoringStarted() {
        final long answers = answersPublished(Topics.PREDICTOR) + answersPublished(PREDICTOR_2);
        if (answersBeforeCycleTwo < 0) {
            answersBeforeCycleTwo = answers;
        }
        return answers > answersBeforeCycleTwo;
    }

    /**
     * Kills the first predictor instance as a crash would, and leaves it down; the second takes its
     * partitions of score-requested over. Its answers so far are read from its metrics first.
     */
    private static void killFirstPredictor() {
        ANSWERED.put(Topics.PREDICTOR, answersPublished(Topics.PREDICTOR));
        stack.crash(Topics.PREDICTOR);
    }

    /** The scores-computed events a predictor instance published since it started. */
    private static long answersPublished(final String instance) {
        return counter(instance, "dreamloop_events_published_total", "dreamloop.scores-computed");
    }

    /** A counter of an instance's Prometheus metrics over its series tagged {@code tag}. */
    private static long counter(final String instance, final String name, final String tag) {
        return Math.round(PrometheusCounters.sum(stack, instance, name, tag));
    }

    /**
     * Every score request on the topic (the designer's, across its crash) has one committed answer,
     * on the reply partition the request named; the first predictor answered until it was killed
     * and the second after. What the killed instance answered in its last, uncommitted transaction
     * is aborted: a read_committed reader never sees it, and the other instance answers it again.
     */
    private static void assertEveryScoreRequestAnsweredOnItsReplyPartition() {
        ANSWERED.put(PREDICTOR_2, answersPublished(PREDICTOR_2));
        final ScoreTraffic traffic = ScoreTraffic.read(stack.bootstrap());
        System.out.printf(
                "score requests %d, answers %d (answered by instance: %s; aborted %d), lost %d,"
                        + " answered twice %d, answers off their reply partition %d%n",
                traffic.requests().size(),
                traffic.answers(),
                ANSWERED,
                traffic.aborted(),
                traffic.lost().size(),
                traffic.duplicates().size(),
                traffic.misrouted().size());
        assertThat(traffic.requests()).as("score requests of the GA designs").isNotEmpty();
        assertThat(traffic.lost()).as("requests without an answer").isEmpty();
        assertThat(traffic.duplicates()).as("requests answered twice").isEmpty();
        assertThat(traffic.misrouted()).as("answers off the requests' reply partitions").isEmpty();
        assertThat(ANSWERED)
                .as("answers per predictor instance")
                .allSatisfy((i, n) -> assertThat(n).as(i).isPositive());
    }

    /** Each run (a cycle's library or the test library) has one estimate per member and method. */
    private static void assertEachRunEstimatedOnce() throws SQLException {
        final Map<String, Long> rows =
                counts(
                        Topics.LAB_INGEST,
                        "select r.library_id, count(*) from measurement m join sortseq_run r on r.run_id = m.run_id where r.library_id like ? group by r.library_id",
                        CAMPAIGN + "-%");
        System.out.printf(
                "lab-ingest estimates per library (2 methods): %s; runs estimated by %s since its"
                        + " restart %d, by %s %d%n",
                rows,
                Topics.LAB_INGEST,
                counter(Topics.LAB_INGEST, "dreamloop_lab_runs_total", "estimated"),
                LAB_INGEST_2,
                counter(LAB_INGEST_2, "dreamloop_lab_runs_total", "estimated"));
        assertThat(rows)
                .hasSize(CYCLES + 2)
                .allSatisfy(
                        (library, n) ->
                                assertThat(n).as(library).isIn(2L * BUDGET, 2L * TEST_MEMBERS));
    }

    private static void restart(final String service) {
        stack.crashAndRestart(service, Map.of("quarkus.flyway.\"pg\".clean-at-start", "false"));
    }

    private static void assertOneSortPerLibrary() throws SQLException {
        final Map<String, Long> runs =
                counts(
                        Topics.LAB_INGEST,
                        "select library_id, count(*) from sortseq_run where library_id like ? group by library_id",
                        CAMPAIGN + "-%");
        // Every cycle's library and the test library.
        assertThat(runs).hasSize(CYCLES + 2).allSatisfy((library, n) -> assertThat(n).isOne());
    }

    private static void assertEveryMemberMeasuredOncePerMethod() throws SQLException {
        final Map<String, Long> rows =
                counts(
                        Topics.TRAINER,
                        "select method, count(*) from measurement where campaign_id = ? group by method",
                        CAMPAIGN);
        final Map<String, Long> distinct =
                counts(
                        Topics.TRAINER,
                        "select method, count(distinct library_id || '/' || member_id) from measurement where campaign_id = ? group by method",
                        CAMPAIGN);
        System.out.printf(
                "measurements at the trainer per method: %s (distinct %s)%n", rows, distinct);
        assertThat(rows).hasSize(2).containsAllEntriesOf(distinct);
        assertThat(rows.values()).containsOnly((long) (CYCLES + 1) * BUDGET + TEST_MEMBERS);
    }

    private static void assertOneTrainingRunPerEnsembleMember() throws SQLException {
        final Map<String, Long> interrupted =
                counts(
                        Topics.TRAINER,
                        "select state, count(*) from training_run where campaign_id = ? and reason like 'interrupted%' group by state",
                        CAMPAIGN);
        System.out.println("training runs interrupted by the trainer's crash: " + interrupted);
        assertThat(interrupted).containsKey("FAILED");
        final Map<String, Long> runs =
                counts(
                        Topics.TRAINER,
                        "select cycle || '/' || ensemble_index, count(*) from training_run where campaign_id = ? and state = 'SUCCEEDED' group by cycle, ensemble_index",
                        CAMPAIGN);
        System.out.println("succeeded training runs per cycle/member: " + runs);
        assertThat(runs)
                .hasSize((CYCLES + 1) * ENSEMBLE)
                .allSatisfy((member, n) -> assertThat(n).as(member).isOne());
    }

    private static Map<String, Long> counts(
            final String service, final String sql, final String parameter) throws SQLException {
        final JdbcSettings db = DATABASES.get(service);
        final Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static JsonNode cycle(final JsonNode view, final int cycle) {
        for (final JsonNode c : view.path("cycleDetails")) {
            if (c.path("cycle").asInt() == cycle) {
                return c;
            }
        }
        return null;
    }

    private static boolean designed(final JsonNode view, final int cycle) {
        final JsonNode c = cycle(view, cycle);
        return c != null && "designed".equals(c.path("libraryStatus").asText());
    }

    /** True while the trainer runs a training run of a cycle after {@code cycle}. */
    private static boolean trainingAfterCycle(final int cycle) {
        for (final JsonNode run :
                stack.http().getJson(stack.url(Topics.TRAINER) + "/training/runs")) {
            if (CAMPAIGN.equals(run.path("campaignId").asText())
                    && run.path("cycle").asInt() > cycle
                    && "running".equalsIgnoreCase(run.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A crash to inject once {@code when} holds for the campaign's view. */
    private record Fault(String what, Predicate<JsonNode> when, Runnable inject) {}
}
