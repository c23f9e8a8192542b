package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service running as a child process. */
public final class ServiceProcess implements AutoCloseable {
    private final ServiceSpec spec;
    private final Process process;
    private final Path log;

    private ServiceProcess(final ServiceSpec spec, final Process process, final Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service's packaged jar with the given system properties, logging to a new {@code
     * logDir/<service>.log}.
     *
     * @throws IllegalStateException when the jar has not been built
     */
    public static ServiceProcess start(
            final Path root,
            final ServiceSpec spec,
            final Map<String, String> properties,
            final Path logDir) {
        final Path log = logDir.resolve(spec.instance() + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (final IOException e) {
            throw new IllegalStateException("cannot replace the log " + log, e);
        }
        return start(root, spec, properties, logDir, log);
    }

    /** {@link #start(Path, ServiceSpec, Map, Path)} appending to an existing log file. */
    static ServiceProcess start(
            final Path root,
            final ServiceSpec spec,
            final Map<String, String> properties,
            final Path logDir,
            final Path log) {
        final Path jar = spec.jar(root);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "%s is not built (%s missing): run ./mvnw -DskipTests package"
                            .formatted(spec.instance(), jar));
        }
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dquarkus.http.port=" + spec.port());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logDir);
            final Process process =
                    new ProcessBuilder(command)
                            .directory(root.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start();
            return new ServiceProcess(spec, process, log);
        } catch (final IOException e) {
            throw new IllegalStateException("cannot start " + spec.instance(), e);
        }
    }

    /**
     * The process's peak resident memory (Linux {@code VmHWM}) in bytes, or -1 where the kernel
     * does not say.
     */
    public long peakResidentBytes() {
        try {
            for (final String line :
                    Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (final IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until {@code /q/health/ready} answers UP.
     *
     * @return the readiness document
     * @throws IllegalStateException when the process exits or is not ready in time
     */
    public JsonNode awaitReady(final ServiceClient http, final Duration timeout) {
        final Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "%s exited with %d during start; see %s"
                                .formatted(spec.instance(), process.exitValue(), log));
            }
            try {
                final JsonNode health = http.getJson(spec.url() + "/q/health/ready");
                if ("UP".equals(health.path("status").asText())) {
                    return health;
                }
                last = health.toString();
            } catch (final IllegalStateException e) {
                last = e.getMessage();
            }
            sleep(250);
        }
        throw new IllegalStateException(
                "%s not ready within %s (last: %s); see %s"
                        .formatted(spec.instance(), timeout, last, log));
    }

    /** Kills the service with SIGKILL, as a crash would, and waits until it has exited. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(spec.instance() + " did not exit after SIGKILL");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + spec.instance(), e);
        }
    }

    /** Stops the service (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
