package io.dreamloop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The broker and database of this test JVM, started on first use and stopped at exit. */
public final class Infrastructure {
    /** Port of the broker this class starts itself when nothing else is available. */
    public static final int LOCAL_BROKER_PORT = 19092;

    private static Infrastructure instance;

    private final String kafkaBootstrap;
    private final String jdbcBase;
    private final String dbUser;
    private final String dbPassword;
    private final String description;

    private Infrastructure(
            final String kafkaBootstrap,
            final String jdbcBase,
            final String dbUser,
            final String dbPassword,
            final String description) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.jdbcBase = jdbcBase;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.description = description;
    }

    /** The infrastructure of this JVM, started on first call. */
    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start();
            System.out.println("[dreamloop-testing] " + instance.description);
        }
        return instance;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /**
     * Deletes every dreamloop topic and consumer group, so a test starts from an empty broker as it
     * starts from an empty database; the services recreate the topics at start-up.
     */
    public void resetTopics() {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
            final Set<String> groups =
                    admin
                            .listGroups(
                                    org.apache.kafka.clients.admin.ListGroupsOptions
                                            .forConsumerGroups())
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .stream()
                            .map(g -> g.groupId())
                            .filter(g -> g.startsWith("dreamloop."))
                            .collect(Collectors.toSet());
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
            }
            final Set<String> topics =
                    admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                            .filter(t -> t.startsWith("dreamloop."))
                            .collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return;
            }
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .anyMatch(topics::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not deleted within 30 s: " + topics);
                }
                Thread.sleep(100);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting topics", e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot reset topics on %s: %s".formatted(kafkaBootstrap, e.getMessage()), e);
        }
    }

    /** A database of this name, created if missing. */
    public JdbcSettings database(final String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name must be [a-z0-9_]+: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcBase + "postgres", dbUser, dbPassword);
                Statement s = c.createStatement()) {
            final boolean exists;
            try (var rs =
                    s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("create database " + name);
            }
        } catch (final SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at %s (user %s) is not usable: %s. Start it (.ci/run does) or set DREAMLOOP_TEST_JDBC_BASE."
                            .formatted(jdbcBase, dbUser, e.getMessage()),
                    e);
        }
        return new JdbcSettings(jdbcBase + name, dbUser, dbPassword);
    }

    private static Infrastructure start() {
        final String envKafka = System.getenv("DREAMLOOP_TEST_KAFKA_BOOTSTRAP");
        final String envJdbc = System.getenv("DREAMLOOP_TEST_JDBC_BASE");
        final String user = env("DREAMLOOP_TEST_DB_USER", "dreamloop");
        final String password = env("DREAMLOOP_TEST_DB_PASSWORD", "dreamloop");
        if (envKafka != null && envJdbc != null) {
            return new Infrastructure(
                    envKafka,
                    envJdbc,
                    user,
                    password,
                    "using broker %s and PostgreSQL %s from the environment"
                            .formatted(envKafka, envJdbc));
        }
        if (dockerAvailable()) {
            final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
            kafka.start();
            postgres.start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        kafka.stop();
                                        postgres.stop();
                                    }));
            final String base = postgres.getJdbcUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/");
            return new Infrastructure(
                    envKafka != null ? envKafka : kafka.getBootstrapServers(),
                    envJdbc != null ? envJdbc : base,
                    envJdbc != null ? user : postgres.getUsername(),
                    envJdbc != null ? password : postgres.getPassword(),
                    "using Testcontainers (Kafka, PostgreSQL)");
        }
        final String bootstrap = envKafka != null ? envKafka : startLocalBroker();
        final String base = envJdbc != null ? envJdbc : "jdbc:postgresql://127.0.0.1:5432/";
        return new Infrastructure(
                bootstrap,
                base,
                user,
                password,
                "no Docker engine: using broker %s and local PostgreSQL %s"
                        .formatted(bootstrap, base));
    }

    private static boolean dockerAvailable() {
        final boolean configured =
                System.getenv("DOCKER_HOST") != null
                        || Files.exists(Path.of("/var/run/docker.sock"))
                        || Files.exists(
                                Path.of(
                                        System.getProperty("user.home"),
                                        ".docker/run/docker.sock"));
        if (!configured) {
            return false; // skip Testcontainers' noisy probe on machines without an engine
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (final RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts the real broker with deploy/kafka.sh, and stops it when the JVM exits. */
    private static String startLocalBroker() {
        final Path root = repositoryRoot();
        final Path dir = root.resolve(".run/test-kafka");
        run(
                root,
                List.of(
                        "bash",
                        root.resolve("deploy/kafka.sh").toString(),
                        "start",
                        "--port",
                        String.valueOf(LOCAL_BROKER_PORT),
                        "--dir",
                        dir.toString()));
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () ->
                                        run(
                                                root,
                                                List.of(
                                                        "bash",
                                                        root.resolve("deploy/kafka.sh").toString(),
                                                        "stop",
                                                        "--dir",
                                                        dir.toString()))));
        return "127.0.0.1:" + LOCAL_BROKER_PORT;
    }

    /**
     * The repository root: the {@code dreamloop.root} property, or the nearest parent with
     * deploy/kafka.sh.
     */
    public static Path repositoryRoot() {
        final String property = System.getProperty("dreamloop.root");
        if (property != null && Files.exists(Path.of(property, "deploy/kafka.sh"))) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("deploy/kafka.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "cannot find the repository root (deploy/kafka.sh) from "
                        + Path.of("").toAbsolutePath());
    }

    private static void run(final Path dir, final List<String> command) {
        try {
            final Process p =
                    new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + String.join(" ", command));
            }
        } catch (final IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static String env(final String name, final String fallback) {
        final String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
