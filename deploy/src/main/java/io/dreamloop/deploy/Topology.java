package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.topic.TopicSpec;
import io.dreamloop.contracts.topic.Topics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/** Prints the services with their health, and the topics with their live consumers. */
public final class Topology {
    private Topology() {}

    /** Prints the topology as the broker and the services report it now. */
    public static void print(final LocalStack stack, final PrintStream out) {
        out.println();
        out.println("Services");
        printServices(stack, out);
        printTopics(stack, out);
    }

    /** One line per service: name, URL, readiness and each readiness check. */
    private static void printServices(final LocalStack stack, final PrintStream out) {
        for (final ServiceProcess service : stack.services()) {
            final JsonNode health = stack.readiness().get(service.spec().instance());
            final List<String> checks = new ArrayList<>();
            health.path("checks")
                    .forEach(
                            c ->
                                    checks.add(
                                            c.path("name").asText()
                                                    + " "
                                                    + c.path("status").asText()));
            out.printf(
                    "  %-11s %-24s %-4s %s%n",
                    service.spec().name(),
                    service.spec().url(),
                    health.path("status").asText(),
                    String.join("; ", checks));
        }
    }

    /**
     * One line per topic of the catalog: partitions, producers and the live consumer groups.
     *
     * @throws IllegalStateException when the broker cannot be read
     */
    private static void printTopics(final LocalStack stack, final PrintStream out) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()))) {
            final Map<String, TopicDescription> topics =
                    admin.describeTopics(Topics.CATALOG.stream().map(TopicSpec::name).toList())
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS);
            final Map<String, ConsumerGroupDescription> groups = dreamloopGroups(admin);
            out.println();
            out.printf("Topics on %s%n", stack.bootstrap());
            out.printf(
                    "  %-34s %-4s %-26s %s%n",
                    "topic",
                    "part",
                    "written by",
                    "read by (live consumer groups: members/partitions)");
            for (final TopicSpec spec : Topics.CATALOG) {
                out.printf(
                        "  %-34s %-4d %-26s %s%n",
                        spec.name(),
                        topics.get(spec.name()).partitions().size(),
                        String.join(", ", spec.producers()),
                        consumers(spec, groups));
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the topology", e);
        } catch (final Exception e) {
            throw new IllegalStateException(
                    "cannot read the topology from the broker: " + e.getMessage(), e);
        }
    }

    /** The consumer groups of the services (named {@code dreamloop.*}), by group id. */
    private static Map<String, ConsumerGroupDescription> dreamloopGroups(final Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        final Collection<GroupListing> listings =
                admin.listGroups(ListGroupsOptions.forConsumerGroups())
                        .all()
                        .get(30, TimeUnit.SECONDS);
        return admin.describeConsumerGroups(
                        listings.stream()
                                .map(GroupListing::groupId)
                                .filter(g -> g.startsWith("dreamloop."))
                                .toList())
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    private static String consumers(
            final TopicSpec spec, final Map<String, ConsumerGroupDescription> groups) {
        final String topic = spec.name();
        final Map<String, String> live = new TreeMap<>();
        for (final ConsumerGroupDescription group : groups.values()) {
            final long partitions =
                    group.members().stream()
                            .flatMap(m -> m.assignment().topicPartitions().stream())
                            .filter(tp -> tp.topic().equals(topic))
                            .count();
            if (partitions > 0) {
                live.put(
                        group.groupId(),
                        "%s %d/%d".formatted(group.groupId(), group.members().size(), partitions));
            }
        }
        return live.isEmpty()
                ? "none yet (declared: %s)".formatted(String.join(", ", spec.consumers()))
                : live.values().stream().collect(Collectors.joining(", "));
    }
}
