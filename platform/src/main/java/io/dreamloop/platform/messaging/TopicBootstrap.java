package io.dreamloop.platform.messaging;

import io.dreamloop.contracts.topic.TopicPartitions;
import io.dreamloop.contracts.topic.TopicSpec;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.platform.config.KafkaConfig;
import io.dreamloop.platform.config.PlatformConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalog's topics at start-up when they are missing, so services can start in any
 * order against a broker that does not auto-create topics, with the partition counts of {@code
 * dreamloop.kafka.partitions.*} ({@link KafkaConfig}) where set, else the catalog's. The setting is
 * checked at start whether or not topics are created, so a misspelt topic fails every service
 * alike. A topic that exists with fewer partitions than configured is left as it is (adding
 * partitions moves keys to other partitions, which only an operator can decide) and named in a
 * warning.
 */
@ApplicationScoped
public class TopicBootstrap {

    void onStart(
            @Observes @Priority(1) final StartupEvent event,
            final PlatformConfig config,
            final KafkaConfig kafka,
            final KafkaConnection connection) {
        final List<TopicSpec> catalog = partitions(kafka).catalog();
        if (config.messaging().createTopics()) {
            ensureTopics(connection.settings(), catalog);
        }
    }

    /**
     * The configured partition counts, checked.
     *
     * @throws IllegalStateException naming the setting, when a topic is not in the catalog or its
     *     count is not a positive integer
     */
    public static TopicPartitions partitions(final KafkaConfig kafka) {
        kafka.partitions()
                .forEach(
                        (topic, count) -> {
                            try {
                                new TopicPartitions(Map.of(topic, count));
                            } catch (final IllegalArgumentException e) {
                                throw new IllegalStateException(
                                        "dreamloop.kafka.partitions.%s=%s: %s"
                                                .formatted(topic, count, e.getMessage()),
                                        e);
                            }
                        });
        return new TopicPartitions(kafka.partitions());
    }

    /** Creates the missing topics of {@code specs} (replication factor 1: one broker here). */
    public static void ensureTopics(final String bootstrap, final List<TopicSpec> specs) {
        ensureTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), specs);
    }

    /**
     * Creates the missing topics of {@code specs} through a client with these connection settings
     * ({@link KafkaConnection#settings()}).
     */
    public static void ensureTopics(
            final Map<String, Object> connection, final List<TopicSpec> specs) {
        final Object bootstrap = connection.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        final Map<String, Object> settings = new HashMap<>(connection);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(settings)) {
            final Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            warnAboutFewerPartitions(admin, existing, specs);
            final List<NewTopic> missing =
                    specs.stream()
                            .filter(spec -> !existing.contains(spec.name()))
                            .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1))
                            .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                Log.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e; // another service created them first: fine
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (final Exception e) {
            throw new IllegalStateException(
                    "cannot create topics on %s: %s".formatted(bootstrap, e.getMessage()), e);
        }
    }

    /** Logs each existing topic that has fewer partitions than {@code specs} ask for. */
    private static void warnAboutFewerPartitions(
            final Admin admin, final Set<String> existing, final List<TopicSpec> specs)
            throws Exception {
        final List<String> present =
                specs.stream().map(TopicSpec::name).filter(existing::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        final Map<String, TopicDescription> described =
                admin.describeTopics(present).allTopicNames().get(60, TimeUnit.SECONDS);
        for (final TopicSpec spec : specs) {
            final Optional<TopicDescription> topic =
                    Optional.ofNullable(described.get(spec.name()));
            topic.filter(t -> t.partitions().size() < spec.partitions())
                    .ifPresent(
                            t ->
                                    Log.warnf(
                                            "topic %s has %d partitions, fewer than the %d configured"
                                                    + " (dreamloop.kafka.partitions.%s); it is left as it is:"
                                                    + " instances beyond %d share none of its work",
                                            spec.name(),
                                            t.partitions().size(),
                                            spec.partitions(),
                                            Topics.shortName(spec.name()),
                                            t.partitions().size()));
        }
    }
}
