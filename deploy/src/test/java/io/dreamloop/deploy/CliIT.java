package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.DreamloopCli;
import io.dreamloop.cli.http.ServiceClient;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.testing.Infrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * The README's walkthrough with the {@code dreamloop} command against the four packaged services on
 * the real broker (embedded H2 databases, the in-silico lab, one training epoch): status, design to
 * a file, a sort-seq run submitted from count files, training on demo_train while the predictor
 * serves the better DREAM-CNN fixture (the new version does not become champion, with both
 * numbers), models and their lineage, scoring the designed library, a sequence's lineage, a
 * campaign followed to its end and one cancelled; and the errors a user meets, each with exit code
 * 1 and the service's message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {
    private static final int BASE_PORT = 18281;
    private static final Path DEMO_TRAIN =
            Infrastructure.repositoryRoot().resolve("../shared/data/dream2022/demo_train.txt");
    private static final Path FIXTURE_FILE =
            Infrastructure.repositoryRoot()
                    .resolve("../shared/data/models/dream_cnn_demo.pt")
                    .normalize();
    private static final String FIXTURE = "dream-cnn-demo";
    private static String trained;
    private static LocalStack stack;
    private static Path work;
    private static String[] urls;

    @BeforeAll
    static void startStack() throws IOException {
        final Infrastructure infrastructure = Infrastructure.get();
        infrastructure.resetTopics();
        final Path root = Infrastructure.repositoryRoot();
        final Path runDir = root.resolve(".run/cli-it");
        MainJob.deleteDataOf(runDir);
        work = Files.createDirectories(runDir.resolve("work"));
        final List<ServiceSpec> specs = ServiceSpec.defaults(BASE_PORT);
        stack =
                LocalStack.start(
                        root,
                        runDir,
                        0,
                        infrastructure.kafkaBootstrap(),
                        specs,
                        spec -> MainJob.embeddedProperties(root, runDir, 1),
                        System.out::println);
        urls =
                new String[] {
                    "--designer=" + stack.url(Topics.DESIGNER),
                    "--predictor=" + stack.url(Topics.PREDICTOR),
                    "--lab-ingest=" + stack.url(Topics.LAB_INGEST),
                    "--trainer=" + stack.url(Topics.TRAINER)
                };
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void statusShowsFourReadyServices() {
        final Result r = dreamloop("status");
        assertThat(r.exit).as(r.all()).isZero();
        assertThat(r.out).contains("designer", "predictor", "lab-ingest", "trainer");
        assertThat(r.out.lines().filter(l -> l.contains(" UP "))).hasSize(4);
    }

    @Test
    @Order(2)
    void designWritesTheLibraryToAFile() throws IOException {
        final Path tsv = work.resolve("lib-cli.tsv");
        final Result r =
                dreamloop(
                        "design",
                        "-n",
                        "random=60",
                        "-n",
                        "snv=10",
                        "--seed",
                        "7",
                        "--id",
                        "lib-cli",
                        "--max-homopolymer",
                        "8",
                        "-o",
                        tsv.toString());
        assertThat(r.exit).as(r.all()).isZero();
        assertThat(r.out).contains("library lib-cli: 80 sequences requested", "total", "wrote");
        final List<String> lines = Files.readAllLines(tsv);
        assertThat(lines.getFirst()).startsWith("id\tsubset\tpair_id\tvariable\toligo");
        assertThat(lines).hasSize(81);
        final Path fasta = work.resolve("lib-cli.fasta");
        assertThat(
                        dreamloop("design", "-n", "random=5", "--seed", "8", "-o", fasta.toString())
                                .exit)
                .isZero();
        assertThat(Files.readAllLines(fasta)).filteredOn(l -> l.startsWith(">")).hasSize(5);
        // An id already used is refused at once, and nothing is written.
        final Path again = work.resolve("lib-cli-again.tsv");
        final Result taken =
                dreamloop(
                        "design",
                        "-n",
                        "random=5",
                        "--seed",
                        "9",
                        "--id",
                        "lib-cli",
                        "-o",
                        again.toString());
        assertThat(taken.exit).as(taken.all()).isEqualTo(1);
        assertThat(taken.err).contains("409").contains("library 'lib-cli' already exists");
        assertThat(again).doesNotExist();
    }

    @Test
    @Order(3)
    void aSortSeqRunIsSubmittedFromCountFilesAndItsQcPrinted() throws IOException {
        final List<String> members =
                Files.readAllLines(work.resolve("lib-cli.tsv")).stream()
                        .skip(1)
                        .map(l -> l.split("\t")[0])
                        .toList();
        final Path gates = work.resolve("gates.tsv");
        final Path counts = work.resolve("counts.tsv");
        writeRun(members, gates, counts);
        final Result r =
                dreamloop(
                        "sortseq",
                        "submit",
                        "--run-id",
                        "run-cli",
                        "--library",
                        "lib-cli",
                        "--gates",
                        gates.toString(),
                        "--counts",
                        counts.toString());
        assertThat(r.exit).as(r.all()).isZero();
        assertThat(r.out)
                .contains("run run-cli: accepted, 80 members matched")
                .contains("estimated");
        final Result again =
                dreamloop(
                        "sortseq",
                        "submit",
                        "--run-id",
                        "run-cli",
                        "--library",
                        "lib-cli",
                        "--gates",
                        gates.toString(),
                        "--counts",
                        counts.toString(),
                        "--no-wait");
        assertThat(again.out).contains("already submitted");
        final Result tsv = dreamloop("sortseq", "measurements", "run-cli");
        assertThat(tsv.exit).as(tsv.all()).isZero();
        assertThat(tsv.out.lines().filter(l -> l.contains("lib-cli-"))).isNotEmpty();
    }

    /**
     * The champion rule on the real broker: with the DREAM-CNN fixture imported into the
     * predictor (trained in PyTorch on demo_train for 80 epochs), a 1-epoch run on demo_train
     * succeeds, but its version scores worse on the same held-out rows and does not become
     * champion; the run says so with both numbers, and the predictor keeps serving the fixture.
     */
    @Test
    @Order(4)
    void aRunOnDemoTrainDoesNotReplaceTheBetterFixtureThePredictorServes() throws IOException {
        final ServiceClient http = new ServiceClient();
        final Result imported =
                dreamloop("models", "import", FIXTURE_FILE.toString(), "--version", FIXTURE);
        assertThat(imported.exit).as(imported.all()).isZero();
        assertThat(imported.out)
                .contains("imported " + FIXTURE + " (dream-cnn, sha256 ")
                .contains("the predictor serves it as champion");
        // Served as soon as the import answers, and listed with the trained versions.
        assertThat(
                        http.getJson(stack.url(Topics.PREDICTOR) + "/models/champion")
                                .path("modelVersion")
                                .asText())
                .isEqualTo(FIXTURE);
        final Result listed = dreamloop("models", "list");
        assertThat(listed.out).contains(FIXTURE + " (imported)");
        awaitTrainerSeesServed(FIXTURE);

        final Result r = dreamloop("train", "-f", DEMO_TRAIN.toString());
        assertThat(r.exit).as(r.all()).isZero();
        assertThat(r.out).contains("6,370 rows added to the training data").contains("succeeded");
        final java.util.regex.Matcher reason =
                java.util.regex.Pattern.compile(
                                "(?m)^not champion: held-out r (-?\\d\\.\\d{4}) < (-?\\d\\.\\d{4}) of "
                                        + FIXTURE
                                        + " \\(served by the predictor, TorchScript import\\)$")
                        .matcher(r.out);
        assertThat(reason.find()).as(r.all()).isTrue();
        final JsonNode run =
                http.getJson(stack.url(Topics.TRAINER) + "/training/runs/" + runId(r.out));
        assertThat(run.path("state").asText()).isEqualTo("succeeded");
        assertThat(run.path("reason").asText()).isEqualTo(reason.group());
        final JsonNode decision = run.path("decision");
        assertThat(decision.path("champion").asBoolean(true)).isFalse();
        assertThat(decision.path("servedVersion").asText()).isEqualTo(FIXTURE);
        assertThat(decision.path("heldOutR").asDouble())
                .isCloseTo(Double.parseDouble(reason.group(1)), Offset.offset(1e-4));
        assertThat(decision.path("servedR").asDouble())
                .isCloseTo(Double.parseDouble(reason.group(2)), Offset.offset(1e-4))
                .isGreaterThan(decision.path("heldOutR").asDouble());
        trained = run.path("modelVersion").asText();
        assertThat(http.getJson(stack.url(Topics.TRAINER) + "/models/" + trained).path("champion"))
                .isEqualTo(com.fasterxml.jackson.databind.node.BooleanNode.FALSE);
        // The predictor registered the new version and still serves the fixture.
        awaitPredictorKnows(trained);
        assertThat(
                        http.getJson(stack.url(Topics.PREDICTOR) + "/models/champion")
                                .path("modelVersion")
                                .asText())
                .isEqualTo(FIXTURE);

        // The same file again adds nothing; the run it queues is cancelled.
        final Result again = dreamloop("train", "-f", DEMO_TRAIN.toString(), "--no-wait");
        assertThat(again.out).contains("6,370 rows were already in the training data");
        assertThat(dreamloop("training", "cancel", runId(again.out)).exit).isZero();
        final Result models = dreamloop("models", "list");
        assertThat(models.exit).isZero();
        assertThat(models.out).contains(trained);
        final Result lineage = dreamloop("models", "lineage", trained);
        assertThat(lineage.exit).as(lineage.all()).isZero();
        assertThat(lineage.out).contains(trained);
        assertThat(dreamloop("training", "dataset").out).contains("bin-index");
    }

    @Test
    @Order(5)
    void theDesignedLibraryIsScoredByTheServedChampion() throws IOException {
        awaitPredictorServes(FIXTURE);
        final Path scores = work.resolve("scores.tsv");
        final Result r =
                dreamloop(
                        "score",
                        "-i",
                        work.resolve("lib-cli.tsv").toString(),
                        "-o",
                        scores.toString());
        assertThat(r.exit).as(r.all()).isZero();
        assertThat(r.out).contains(FIXTURE);
        final List<String> lines = Files.readAllLines(scores);
        assertThat(lines).hasSize(81);
        assertThat(lines.getFirst())
                .isEqualTo("id\tsequence\tprediction\tforward\treverse\terror\tinput\twarning");
        final String[] first = lines.get(1).split("\t", -1);
        assertThat(first).hasSize(8);
        assertThat(Double.parseDouble(first[2])).isBetween(0.0, 17.0);
        assertThat(first[6]).isEqualTo("oligo");
        // The walkthrough's files feed each other: the scores and the run's measurements are
        // what evaluate reads.
        final Path measured = work.resolve("run-cli.tsv");
        assertThat(dreamloop("sortseq", "measurements", "run-cli", "-o", measured.toString()).exit)
                .isZero();
        final Result evaluated =
                dreamloop(
                        "evaluate",
                        "--predictions",
                        scores.toString(),
                        "--measurements",
                        measured.toString(),
                        "--method",
                        "maude");
        assertThat(evaluated.exit).as(evaluated.all()).isZero();
        assertThat(evaluated.out).contains("Pearson score");
    }

    @Test
    @Order(6)
    void aSequencesLineageShowsItsDesignMeasurementAndModels() throws IOException {
        final String[] member = Files.readAllLines(work.resolve("lib-cli.tsv")).get(1).split("\t");
        final Result r = dreamloop("lineage", member[4]);
        assertThat(r.exit).as(r.all()).isZero();
        assertThat(r.out).contains("lib-cli", member[0]).contains("run-cli");
        // The adapter is part of every oligo but no measured sequence: exact by default, and a
        // search by part lists its limit and counts the rest.
        final Result adapter = dreamloop("lineage", "TGCATTTTTTTCACATC");
        assertThat(adapter.out).contains("not measured");
        final Result part = dreamloop("lineage", "TGCATTTTTTTCACATC", "--contains", "--limit", "3");
        assertThat(part.exit).as(part.all()).isZero();
        assertThat(part.out).contains("more measurements contain it (raise --limit to list them)");
    }

    @Test
    @Order(7)
    void aCampaignIsFollowedToItsEndAndAnotherCancelled() {
        final Result r =
                dreamloop(
                        "campaign",
                        "start",
                        "--id",
                        "camp-cli",
                        "--strategy",
                        "random",
                        "--cycles",
                        "1",
                        "--budget",
                        "40",
                        "--seed",
                        "5",
                        "--test-per-subset",
                        "10",
                        "--test-subsets",
                        "random,high,snv",
                        "--watch");
        assertThat(r.exit).as(r.all()).isZero();
        assertThat(r.out)
                .contains("campaign camp-cli (random): finished, cycle 1 of 1")
                .contains(
                        "test library camp-cli-test: designed, 40 members (10 per subset of random, high, snv)")
                .contains("test score");
        assertThat(dreamloop("campaign", "list").out).contains("camp-cli");
        final Result started =
                dreamloop(
                        "campaign",
                        "start",
                        "--id",
                        "camp-cli-2",
                        "--strategy",
                        "random",
                        "--cycles",
                        "3",
                        "--budget",
                        "40",
                        "--seed",
                        "6",
                        "--test-per-subset",
                        "0");
        assertThat(started.exit).as(started.all()).isZero();
        final Result cancelled = dreamloop("campaign", "cancel", "camp-cli-2", "--reason", "test");
        assertThat(cancelled.out).contains("campaign camp-cli-2: cancelled");
        final Result twice = dreamloop("campaign", "cancel", "camp-cli-2");
        assertThat(twice.exit).isEqualTo(1);
        assertThat(twice.err).contains("409");
    }

    @Test
    @Order(8)
    void errorsExitWithOneAndSayWhatIsWrong() throws IOException {
        final Result unknown = dreamloop("campaign", "show", "no-such-campaign");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err)
                .contains("dreamloop campaign show:")
                .contains("404 no campaign 'no-such-campaign'");
        final Result subset = dreamloop("design", "-n", "brightest=5", "--seed", "1");
        assertThat(subset.exit).isEqualTo(1);
        assertThat(subset.err).contains("400").contains("brightest");
        final Path bad = work.resolve("bad.fasta");
        final String oligo = Files.readAllLines(work.resolve("lib-cli.tsv")).get(1).split("\t")[4];
        Files.writeString(bad, ">ok\n" + oligo + "\n>bad\nACGTNNXX\n");
        final Result score =
                dreamloop("score", "-i", bad.toString(), "-o", work.resolve("bad.tsv").toString());
        assertThat(score.exit).isEqualTo(1);
        assertThat(score.err).contains("could not be scored").contains("bad");
        final Result usage = dreamloop("design", "--seed", "1");
        assertThat(usage.exit).isEqualTo(2);
        assertThat(usage.err).contains("Missing required option");
        final Result file = dreamloop("train", "-f", work.resolve("absent.txt").toString());
        assertThat(file.exit).isEqualTo(1);
        assertThat(file.err).contains("no such file");
    }

    @Test
    @Order(9)
    void theOpenApiExamplesAreRequestsTheServicesAccept() {
        final ServiceClient http = new ServiceClient();
        final JsonNode designer =
                http.getJson(stack.url(Topics.DESIGNER) + "/q/openapi?format=json").path("paths");
        final JsonNode library = example(designer.path("/libraries"), "random");
        assertThat(
                        http.postJson(stack.url(Topics.DESIGNER) + "/libraries", library)
                                .path("sequences")
                                .asInt())
                .isEqualTo(1000);
        assertThat(example(designer.path("/campaigns"), "uncertainty").path("strategy").asText())
                .isEqualTo("uncertainty");
        final JsonNode predictor =
                http.getJson(stack.url(Topics.PREDICTOR) + "/q/openapi?format=json").path("paths");
        final JsonNode scored =
                http.postJson(
                        stack.url(Topics.PREDICTOR) + "/score",
                        example(predictor.path("/score"), "by-id"));
        assertThat(scored.path("predictions")).hasSize(2);
        scored.path("predictions")
                .forEach(p -> assertThat(p.has("error")).as(p.toString()).isFalse());
    }

    /** The named example of an operation's JSON request body, parsed. */
    private static JsonNode example(final JsonNode path, final String name) {
        final JsonNode value =
                path.path("post")
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples")
                        .path(name)
                        .path("value");
        assertThat(value.isMissingNode()).as("example '%s' in %s", name, path).isFalse();
        try {
            return value.isTextual()
                    ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(value.asText())
                    : value;
        } catch (final IOException e) {
            throw new AssertionError("example '%s' is not JSON: %s".formatted(name, value), e);
        }
    }

    /** 18 equal gates; each member's reads fall around a bin drawn from a seeded generator. */
    private static void writeRun(final List<String> members, final Path gates, final Path counts)
            throws IOException {
        final StringBuilder g = new StringBuilder("Bin\tbinStartQ\tbinEndQ\tcells\n");
        final StringBuilder c = new StringBuilder("member_id\tunsorted");
        for (int b = 0; b < 18; b++) {
            g.append("bin%d\t%s\t%s\t%d\n".formatted(b + 1, b / 18.0, (b + 1) / 18.0, 5000));
            c.append("\tbin").append(b + 1);
        }
        c.append('\n');
        final SplittableRandom random = new SplittableRandom(31);
        for (final String id : members) {
            final int center = random.nextInt(2, 16);
            c.append(id).append('\t').append(100 + random.nextInt(50));
            for (int b = 0; b < 18; b++) {
                final int reads = Math.abs(b - center) <= 2 ? 20 + random.nextInt(30) : 0;
                c.append('\t').append(reads);
            }
            c.append('\n');
        }
        Files.writeString(gates, g);
        Files.writeString(counts, c);
    }

    /** The run id in {@code train}'s output ({@code training run <id> queued}). */
    private static String runId(final String out) {
        final java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("training run (\\S+) queued").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static void awaitTrainerSeesServed(final String version) {
        await(
                "the trainer to learn that the predictor serves " + version,
                http ->
                        http.find(stack.url(Topics.TRAINER) + "/models/served")
                                .map(s -> version.equals(s.path("version").asText()))
                                .orElse(false));
    }

    private static void awaitPredictorKnows(final String version) {
        await(
                "the predictor to register " + version,
                http ->
                        java.util.stream.StreamSupport.stream(
                                        http.getJson(stack.url(Topics.PREDICTOR) + "/models")
                                                .spliterator(),
                                        false)
                                .anyMatch(m -> version.equals(m.path("modelVersion").asText())));
    }

    private static void await(
            final String what, final java.util.function.Predicate<ServiceClient> done) {
        final ServiceClient http = new ServiceClient();
        final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(http)) {
                return;
            }
            ServiceProcess.sleep(500);
        }
        throw new AssertionError("waited 2 min for " + what);
    }

    private static void awaitPredictorServes(final String version) {
        final ServiceClient http = new ServiceClient();
        final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            final JsonNode champion =
                    http.find(stack.url(Topics.PREDICTOR) + "/models/champion").orElse(null);
            if (champion != null && version.equals(champion.path("modelVersion").asText())) {
                return;
            }
            ServiceProcess.sleep(500);
        }
        throw new AssertionError("the predictor did not serve " + version + " within 2 min");
    }

    private record Result(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** Runs the command in this JVM as a user would in a shell, capturing what it prints. */
    private static synchronized Result dreamloop(final String... args) {
        final List<String> all = new ArrayList<>(List.of(args));
        // Connection options belong to the leaf command: after the subcommand names; evaluate
        // reads local files only and has none.
        if (!"evaluate".equals(all.getFirst())) {
            all.addAll(leafIndex(all), List.of(urls));
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream originalOut = System.out;
        final PrintStream originalErr = System.err;
        final int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            final CommandLine cli = DreamloopCli.commandLine();
            cli.setOut(new PrintWriter(o, true));
            cli.setErr(new PrintWriter(e, true));
            exit = cli.execute(all.toArray(String[]::new));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        final Result r =
                new Result(
                        exit,
                        out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
        originalOut.printf("$ dreamloop %s%n%s%s", String.join(" ", args), r.out, r.err);
        return r;
    }

    /** Position after the subcommand names ({@code campaign start}, {@code status}, ...). */
    private static int leafIndex(final List<String> args) {
        final List<String> groups = List.of("sortseq", "campaign", "training", "models");
        return groups.contains(args.getFirst()) ? 2 : 1;
    }
}
