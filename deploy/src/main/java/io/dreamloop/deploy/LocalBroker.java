package io.dreamloop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Kafka broker, started, stopped, killed and restarted through {@code deploy/kafka.sh}.
 */
public final class LocalBroker implements AutoCloseable {
    private final Path root;
    private final Path dir;
    private final int port;

    private LocalBroker(final Path root, final Path dir, final int port) {
        this.root = root;
        this.dir = dir;
        this.port = port;
    }

    /** Starts a fresh broker (empty data directory) and waits until it is ready. */
    public static LocalBroker start(final Path root, final Path dir, final int port) {
        final LocalBroker broker = new LocalBroker(root, dir, port);
        broker.script("stop");
        deleteRecursively(dir.resolve("data"));
        broker.script("start", "--port", String.valueOf(port));
        return broker;
    }

    /** Kills the broker with SIGKILL, as a crash would; its data stay for {@link #restart}. */
    public void kill() {
        script("kill");
    }

    /** Starts the broker again on its data (after {@link #kill} or {@link #close}). */
    public void restart() {
        script("start", "--port", String.valueOf(port));
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        script("stop");
    }

    private void script(final String... args) {
        final List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("deploy/kafka.sh").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--dir", dir.toString()));
        try {
            Files.createDirectories(dir);
            final Process p =
                    new ProcessBuilder(command)
                            .directory(root.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(
                                    ProcessBuilder.Redirect.appendTo(
                                            dir.resolve("kafka.sh.log").toFile()))
                            .start();
            if (!p.waitFor(240, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        "deploy/kafka.sh %s failed; see %s"
                                .formatted(args[0], dir.resolve("kafka.sh.log")));
            }
        } catch (final IOException e) {
            throw new IllegalStateException("cannot run deploy/kafka.sh", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running deploy/kafka.sh", e);
        }
    }

    private static void deleteRecursively(final Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.delete(p);
                                } catch (final IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
