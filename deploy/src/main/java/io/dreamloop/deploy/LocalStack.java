package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The broker and the four services, started together and stopped together (services first, then the
 * broker). Each service gets its own log file under the run directory.
 */
public final class LocalStack implements AutoCloseable {
    private final LocalBroker broker;
    private final String bootstrap;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, JsonNode> readiness = new LinkedHashMap<>();
    private final ServiceClient http = new ServiceClient();

    private LocalStack(final LocalBroker broker, final String bootstrap) {
        this.broker = broker;
        this.bootstrap = bootstrap;
    }

    /**
     * Starts the stack and waits until every service is ready.
     *
     * @param root the repository root
     * @param runDir where logs, broker data and embedded databases go
     * @param kafkaPort port for a broker started here; ignored when {@code externalBootstrap} is
     *     set
     * @param externalBootstrap an already running broker, or null to start one
     * @param specs the services
     * @param properties system properties per service (profile, database, ...)
     * @param progress receives one line per step
     */
    public static LocalStack start(
            final Path root,
            final Path runDir,
            final int kafkaPort,
            final String externalBootstrap,
            final List<ServiceSpec> specs,
            final Function<ServiceSpec, Map<String, String>> properties,
            final Consumer<String> progress) {
        final long t0 = System.nanoTime();
        LocalBroker broker = null;
        String bootstrap = externalBootstrap;
        if (bootstrap == null) {
            progress.accept(
                    "starting Apache Kafka (KRaft, from Maven Central jars) on 127.0.0.1:"
                            + kafkaPort);
            broker = LocalBroker.start(root, runDir.resolve("kafka"), kafkaPort);
            bootstrap = broker.bootstrap();
            progress.accept("broker ready after %.1f s".formatted(seconds(t0)));
        }
        final LocalStack stack = new LocalStack(broker, bootstrap);
        try {
            for (final ServiceSpec spec : specs) {
                final Map<String, String> props = new LinkedHashMap<>(properties.apply(spec));
                props.put("dreamloop.kafka.bootstrap", bootstrap);
                stack.services.add(ServiceProcess.start(root, spec, props, runDir.resolve("logs")));
                progress.accept(
                        "started %s on %s (log %s)"
                                .formatted(
                                        spec.name(),
                                        spec.url(),
                                        root.relativize(
                                                runDir.resolve("logs")
                                                        .resolve(spec.name() + ".log"))));
            }
            for (final ServiceProcess service : stack.services) {
                stack.readiness.put(
                        service.spec().name(),
                        service.awaitReady(stack.http, Duration.ofSeconds(180)));
            }
            progress.accept(
                    "all %d services ready after %.1f s".formatted(specs.size(), seconds(t0)));
            return stack;
        } catch (final RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The URL of a service by name. */
    public String url(final String service) {
        return services.stream()
                .filter(s -> s.spec().name().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service))
                .spec()
                .url();
    }

    /** The readiness documents received at start, by service. */
    public Map<String, JsonNode> readiness() {
        return Map.copyOf(readiness);
    }

    public ServiceClient http() {
        return http;
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static double seconds(final long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
