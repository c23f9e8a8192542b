package io.dreamloop.deploy;

import io.dreamloop.contracts.topic.Topics;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./dreamloop up}: the broker and the four services on embedded defaults, kept running for
 * the {@code dreamloop} client until Ctrl-C, which stops them cleanly. Unlike the main job it keeps
 * its databases between starts (in {@code .run/up}), unless {@code --fresh}.
 */
@Command(
        name = "dreamloop up",
        mixinStandardHelpOptions = true,
        description =
                "Start a real Kafka broker (Maven jars) and the four services on embedded databases and keep them running until Ctrl-C.")
public final class Up implements Callable<Integer> {
    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Broker port (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--base-port",
            defaultValue = "8081",
            description =
                    "HTTP port of the designer; predictor, lab-ingest and trainer follow (default ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
            names = "--epochs",
            description =
                    "Epochs per training run (default: the trainer's,"
                            + " dreamloop.trainer.training.epochs).")
    Integer epochs;

    @Option(names = "--fresh", description = "Delete the databases of earlier starts first.")
    boolean fresh;

    @Option(names = "--root", defaultValue = ".", description = "Repository root.")
    Path root;

    @Override
    public Integer call() throws InterruptedException {
        final Path repo = root.toAbsolutePath().normalize();
        final Path runDir = repo.resolve(".run/up");
        if (fresh) {
            MainJob.deleteDataOf(runDir);
        }
        final LocalStack stack =
                LocalStack.start(
                        repo,
                        runDir,
                        kafkaPort,
                        null,
                        ServiceSpec.defaults(basePort),
                        spec ->
                                MainJob.embeddedProperties(
                                        repo, runDir, Optional.ofNullable(epochs)),
                        line -> System.out.println("  " + line));
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    System.out.println("stopping the services and the broker");
                                    stack.close();
                                    stopped.countDown();
                                }));
        printEndpoints(stack, repo, runDir);
        System.out.println("try: ./dreamloop status   (Ctrl-C stops everything)");
        stopped.await();
        return 0;
    }

    /** Where the data and logs are, each service's URL and the broker's address. */
    private void printEndpoints(final LocalStack stack, final Path repo, final Path runDir) {
        System.out.printf(
                "dreamloop is up (databases in %s, logs in %s):%n",
                repo.relativize(runDir.resolve("data")), repo.relativize(runDir.resolve("logs")));
        for (final String service : Topics.SERVICES) {
            System.out.printf("  %-10s %s%n", service, stack.url(service));
        }
        System.out.printf("  %-10s %s%n", "kafka", stack.bootstrap());
        if (basePort != 8081) {
            System.out.printf(
                    "the client needs: --designer %s (etc.) or DREAMLOOP_DESIGNER_URL ...%n",
                    stack.url(Topics.DESIGNER));
        }
    }

    public static void main(final String[] args) {
        System.exit(new CommandLine(new Up()).execute(args));
    }
}
