package io.dreamloop.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's main-job command: starts a real Kafka broker from Maven jars and the four services
 * on their embedded databases, checks that each is healthy and connected, prints the topology, runs
 * the event chain, closed-loop campaigns (one per acquisition strategy) and writes the run report,
 * and stops everything.
 */
@Command(
        name = "dreamloop run",
        mixinStandardHelpOptions = true,
        description = "Run dreamloop locally on embedded defaults and show the event chain.")
public final class MainJob implements Callable<Integer> {
    /** Random candidates scored per acquired sequence. */
    private static final int CANDIDATES_PER_CHOSEN = 10;

    @Option(
            names = "--sequences",
            defaultValue = "1000",
            description = "Size of the random library to design (default ${DEFAULT-VALUE}).")
    int sequences;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed of the design (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Port of the local broker (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--base-port",
            defaultValue = "8081",
            description =
                    "HTTP port of the first service; the others follow (default ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
            names = "--campaign-strategies",
            split = ",",
            defaultValue = "random,uncertainty",
            description =
                    "One closed-loop campaign per acquisition strategy (default ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(
            names = "--campaign-cycles",
            defaultValue = "2",
            description =
                    "Acquisition cycles after each campaign's random first batch (default ${DEFAULT-VALUE}).")
    int cycles;

    @Option(
            names = "--campaign-budget",
            defaultValue = "300",
            description = "Sequences per campaign cycle (default ${DEFAULT-VALUE}).")
    int budget;

    @Option(
            names = "--campaign-test-per-subset",
            defaultValue = "100",
            description =
                    "Members (pairs) per subset of each campaign's test library, on which every cycle is scored; 0 for none (default ${DEFAULT-VALUE}).")
    int testPerSubset;

    @Option(
            names = "--design-goal",
            defaultValue = "maximize",
            description =
                    "One more campaign with this design goal: maximize, minimize or none (default ${DEFAULT-VALUE}).")
    String designGoal;

    @Option(
            names = "--root",
            defaultValue = ".",
            description = "Repository root (default: the current directory).")
    Path root;

    @Override
    public Integer call() {
        final Path repo = root.toAbsolutePath().normalize();
        final Path runDir = repo.resolve(".run/main");
        deleteDataOf(runDir);
        System.out.println(
                "dreamloop: local run in "
                        + repo.relativize(runDir)
                        + " (embedded H2 databases, real Kafka broker)");
        try (LocalStack stack =
                LocalStack.start(
                        repo,
                        runDir,
                        kafkaPort,
                        null,
                        ServiceSpec.defaults(basePort),
                        spec -> embeddedProperties(repo, runDir, 3),
                        line -> System.out.println("  " + line))) {
            Topology.print(stack, System.out);
            final FoundationChain.Result result =
                    FoundationChain.run(
                            stack, "lib-" + seed + "-" + sequences, sequences, seed, System.out);
            runModelSteps(stack, repo, runDir, result);
            System.out.println();
            System.out.printf(
                    "done: library %s, %,d members designed, %d chunks, %,d stored by lab-ingest; stopping%n",
                    result.libraryId(),
                    result.members(),
                    result.chunks(),
                    result.membersAtLabIngest());
        } catch (final RuntimeException e) {
            System.err.println("dreamloop run failed: " + e.getMessage());
            System.err.println("logs: " + repo.relativize(runDir.resolve("logs")));
            return 1;
        }
        System.out.println("stopped all services and the broker");
        return 0;
    }

    /**
     * The steps after the event chain: scoring with the DREAM-CNN fixture, the in-silico lab's
     * measurements, and, when both the fixture and the yeast motifs are there, the closed loop.
     */
    private void runModelSteps(
            final LocalStack stack,
            final Path repo,
            final Path runDir,
            final FoundationChain.Result result) {
        // The DREAM-CNN fixture beside the repository, until the trainer publishes models.
        final Path fixture = repo.resolve("../shared/data/models/dream_cnn_demo.pt").normalize();
        if (Files.exists(fixture)) {
            FoundationChain.scoreLibrary(stack, result.libraryId(), fixture, System.out);
        } else {
            System.out.println("  (no model at " + fixture + ": the scoring step is skipped)");
        }
        if (Files.exists(motifs(repo))) {
            FoundationChain.awaitMeasurements(
                    stack, result.libraryId(), result.members(), System.out);
        }
        if (Files.exists(fixture) && Files.exists(motifs(repo))) {
            closedLoop(stack, repo, runDir);
        }
    }

    /** Trains, designs with the GA, runs the campaigns and writes the run report. */
    private void closedLoop(final LocalStack stack, final Path repo, final Path runDir) {
        final String trained = TrainStep.run(stack, System.out);
        DesignStep.run(stack, "lib-ga-" + seed, seed, System.out);
        final List<CampaignStep.Outcome> campaigns =
                CampaignStep.run(
                        stack, strategies, campaignSettings(stack, repo, trained), System.out);
        RunReport.write(stack, runDir.resolve("report"), campaigns, "lib-ga-" + seed, System.out);
    }

    /**
     * The campaigns' settings from the options; the test library's challenger is the model just
     * trained or the fixture, its native subset cut from the DREAM 2022 test subsets when present.
     */
    private CampaignStep.Settings campaignSettings(
            final LocalStack stack, final Path repo, final String trained) {
        return new CampaignStep.Settings(
                cycles,
                budget,
                budget * CANDIDATES_PER_CHOSEN,
                testPerSubset,
                TestLibraryInputs.challenger(
                                stack, List.of(trained, FoundationChain.FIXTURE_VERSION))
                        .orElse(null),
                TestLibraryInputs.nativePromoters(
                                repo.resolve("../shared/data/dream2022/test_subsets").normalize())
                        .orElse(null),
                "none".equals(designGoal) ? null : designGoal,
                seed,
                Duration.ofMinutes(30));
    }

    /**
     * What every service of a local run is started with: embedded H2 under {@code runDir/data}, the
     * shared model store, the in-silico lab on the yeast motifs beside the repository (when they
     * are there), and {@code epochs} per training run.
     */
    public static Map<String, String> embeddedProperties(
            final Path repo, final Path runDir, final int epochs) {
        return embeddedProperties(repo, runDir, Optional.of(epochs));
    }

    /**
     * As {@link #embeddedProperties(Path, Path, int)}; without epochs the trainer trains with its
     * own default.
     */
    public static Map<String, String> embeddedProperties(
            final Path repo, final Path runDir, final Optional<Integer> epochs) {
        final Map<String, String> out = new LinkedHashMap<>();
        out.put("quarkus.profile", "embedded");
        out.put("dreamloop.data-dir", runDir.resolve("data").toString());
        out.put("dreamloop.predictor.registry.store", runDir.resolve("models").toString());
        out.put("dreamloop.trainer.training.store", runDir.resolve("models").toString());
        epochs.ifPresent(e -> out.put("dreamloop.trainer.training.epochs", String.valueOf(e)));
        out.put(
                "dreamloop.lab-ingest.insilico.enabled",
                String.valueOf(Files.exists(motifs(repo))));
        out.put("dreamloop.lab-ingest.insilico.motifs", motifs(repo).toString());
        out.put(
                "dreamloop.designer.motifs.files",
                motifs(repo)
                        + ","
                        + motifs(repo)
                                .resolveSibling(
                                        "JASPAR2024_CORE_fungi_non-redundant_pfms_transfac.txt"));
        return Map.copyOf(out);
    }

    /** The yeast motifs of the in-silico lab's ground truth, beside the repository. */
    private static Path motifs(final Path repo) {
        return repo.resolve("../shared/data/jaspar/derived_yeast_selected_TFs_transfac.txt")
                .normalize();
    }

    /** Deletes the embedded databases of an earlier run in {@code runDir}. */
    static void deleteDataOf(final Path runDir) {
        final File data = runDir.resolve("data").toFile();
        if (data.exists()) {
            for (final File f : Objects.requireNonNull(data.listFiles())) {
                if (!f.delete()) {
                    throw new IllegalStateException("cannot delete " + f);
                }
            }
        }
    }

    public static void main(final String[] args) {
        System.exit(new CommandLine(new MainJob()).execute(args));
    }
}
