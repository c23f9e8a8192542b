package io.dreamloop.deploy;

import java.nio.file.Path;
import java.util.List;

/**
 * One service of the local stack.
 *
 * @param name the service name (as in {@code Topics.SERVICES})
 * @param module the Maven module directory, relative to the repository root
 * @param port its HTTP port
 */
public record ServiceSpec(String name, String module, int port) {

    /** The four services with their default ports. */
    public static List<ServiceSpec> defaults(final int basePort) {
        return List.of(
                new ServiceSpec("designer", "designer", basePort),
                new ServiceSpec("predictor", "predictor/service", basePort + 1),
                new ServiceSpec("lab-ingest", "lab-ingest", basePort + 2),
                new ServiceSpec("trainer", "trainer", basePort + 3));
    }

    /** The packaged application. */
    public Path jar(final Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
