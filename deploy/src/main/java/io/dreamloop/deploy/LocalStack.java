package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
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
 * broker). Each service instance gets its own log file under the run directory. More instances of a
 * service ({@link #addReplica}) join its consumer groups and share its database, as replicas on a
 * cluster do.
 */
public final class LocalStack implements AutoCloseable {
    private final LocalBroker broker;
    private final String bootstrap;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Map<String, String>> started = new LinkedHashMap<>();
    private final Path root;
    private final Path logDir;
    private final Map<String, JsonNode> readiness = new LinkedHashMap<>();
    private final ServiceClient http = new ServiceClient();

    private LocalStack(
            final LocalBroker broker, final String bootstrap, final Path root, final Path logDir) {
        this.broker = broker;
        this.bootstrap = bootstrap;
        this.root = root;
        this.logDir = logDir;
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
        final LocalStack stack = new LocalStack(broker, bootstrap, root, runDir.resolve("logs"));
        try {
            for (final ServiceSpec spec : specs) {
                final Map<String, String> props = new LinkedHashMap<>(properties.apply(spec));
                props.put("dreamloop.kafka.bootstrap", bootstrap);
                stack.startService(spec, props, progress);
            }
            for (final ServiceProcess service : stack.services) {
                stack.readiness.put(
                        service.spec().instance(),
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

    /** Starts one service with its system properties; its log goes to the stack's log folder. */
    private void startService(
            final ServiceSpec spec,
            final Map<String, String> props,
            final Consumer<String> progress) {
        started.put(spec.instance(), props);
        services.add(ServiceProcess.start(root, spec, props, logDir));
        progress.accept(
                "started %s on %s (log %s)"
                        .formatted(
                                spec.instance(),
                                spec.url(),
                                root.relativize(logDir.resolve(spec.instance() + ".log"))));
    }

    /**
     * Starts instance {@code n} of a running service on another port, with the first instance's
     * properties plus {@code overrides} (e.g. not to clean the database the instances share), and
     * waits until it is ready.
     *
     * @return the new instance's name, {@code <service>-<n>}
     */
    public String addReplica(
            final String service,
            final int n,
            final int port,
            final Map<String, String> overrides,
            final Consumer<String> progress) {
        final ServiceSpec spec = services.get(indexOf(service)).spec().replica(n, port);
        final Map<String, String> props = new LinkedHashMap<>(started.get(service));
        props.putAll(overrides);
        startService(spec, props, progress);
        readiness.put(
                spec.instance(), services.getLast().awaitReady(http, Duration.ofSeconds(180)));
        return spec.instance();
    }

    public String bootstrap() {
        return bootstrap;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The URL of a service instance by name ({@code predictor}, {@code predictor-2}). */
    public String url(final String service) {
        return services.stream()
                .filter(s -> s.spec().instance().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service))
                .spec()
                .url();
    }

    /**
     * Kills a service with SIGKILL, as a crash would, starts it again with the properties it was
     * first started with plus {@code overrides} (e.g. not to clean its database again), and waits
     * until it is ready. Its log goes on in the same file, after the old process's lines.
     */
    public void crashAndRestart(final String service, final Map<String, String> overrides) {
        final int index = indexOf(service);
        final ServiceProcess old = services.get(index);
        old.kill();
        final Map<String, String> props = new LinkedHashMap<>(started.get(service));
        props.putAll(overrides);
        final ServiceProcess restarted =
                ServiceProcess.start(root, old.spec(), props, logDir, old.log());
        services.set(index, restarted);
        restarted.awaitReady(http, Duration.ofSeconds(180));
    }

    /**
     * Kills a service instance with SIGKILL, as a crash would, and leaves it down: the other
     * instances of its service take over its partitions.
     */
    public void crash(final String instance) {
        services.get(indexOf(instance)).kill();
    }

    /**
     * Stops a service instance as a shutdown would (SIGTERM): its consumers leave their groups, and
     * the other instances of its service take its partitions over at once.
     */
    public void stop(final String instance) {
        services.get(indexOf(instance)).close();
    }

    /**
     * Kills the broker this stack started with SIGKILL, waits {@code down}, and starts it again on
     * its data.
     *
     * @throws IllegalStateException when the stack runs on an external broker
     */
    public void crashAndRestartBroker(final Duration down) {
        if (broker == null) {
            throw new IllegalStateException("the stack runs on an external broker at " + bootstrap);
        }
        broker.kill();
        ServiceProcess.sleep(down.toMillis());
        broker.restart();
    }

    private int indexOf(final String service) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).spec().instance().equals(service)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no service " + service);
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
