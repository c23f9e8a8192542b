package io.dreamloop.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One service instance of the local stack.
 *
 * @param name the service name (as in {@code Topics.SERVICES}); instances of one service share its
 *     consumer groups and its database
 * @param module the Maven module directory, relative to the repository root
 * @param port its HTTP port
 * @param instance this instance's name, unique in the stack (its log file); the service name for
 *     the first instance
 */
public record ServiceSpec(String name, String module, int port, String instance) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(instance, "instance");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 1..65535, but was " + port);
        }
    }

    /** The first (or only) instance of a service. */
    public ServiceSpec(final String name, final String module, final int port) {
        this(name, module, port, name);
    }

    /** The four services with their default ports. */
    public static List<ServiceSpec> defaults(final int basePort) {
        return List.of(
                new ServiceSpec("designer", "designer", basePort),
                new ServiceSpec("predictor", "predictor/service", basePort + 1),
                new ServiceSpec("lab-ingest", "lab-ingest", basePort + 2),
                new ServiceSpec("trainer", "trainer", basePort + 3));
    }

    /**
     * Another instance of this service, {@code <name>-<n>}, on another port.
     *
     * @param n the instance's number, 2 or more
     * @param otherPort its HTTP port
     */
    public ServiceSpec replica(final int n, final int otherPort) {
        if (n < 2) {
            throw new IllegalArgumentException("replica number must be >= 2, but was " + n);
        }
        return new ServiceSpec(name, module, otherPort, name + "-" + n);
    }

    /** The packaged application. */
    public Path jar(final Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
