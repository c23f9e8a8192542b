package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dreamloop.contracts.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the deployment manifests: the compose file and the Kubernetes resources of {@code
 * deploy/k8s}. Lookups that find nothing, or more than one, fail with what was looked for. Runs
 * with the working directory {@code deploy/}.
 */
final class Manifests {
    static final Path COMPOSE_DIR = Path.of("compose");
    static final Path COMPOSE = COMPOSE_DIR.resolve("compose.yaml");
    static final Path INIT_SQL = COMPOSE_DIR.resolve("init-databases.sql");
    static final Path K8S = Path.of("k8s");
    static final Path KUSTOMIZATION = K8S.resolve("kustomization.yaml");

    /** Compose interpolation without a default value: {@code ${NAME}} or {@code ${NAME:?why}}. */
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*(:?\\?[^}]*)?}");

    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {}

    // --- compose ---------------------------------------------------------------------------------

    static JsonNode composeServices() {
        return read(COMPOSE).getFirst().path("services");
    }

    static JsonNode composeService(final String service) {
        final JsonNode definition = composeServices().path(service);
        if (!definition.isObject()) {
            throw new AssertionError("compose has no service " + service);
        }
        return definition;
    }

    /** A compose service's environment, from either its map or its list of NAME=value form. */
    static Map<String, String> composeEnvironment(final String service) {
        final JsonNode environment = composeService(service).path("environment");
        final Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isArray()) {
            for (final JsonNode entry : environment) {
                final String[] parts = entry.asText().split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        for (final Map.Entry<String, JsonNode> entry : environment.properties()) {
            variables.put(entry.getKey(), entry.getValue().asText());
        }
        return variables;
    }

    /**
     * The compose environment as the container receives it, with each {@code ${...}} interpolation
     * (a value compose takes from the host) replaced by a marker, so that the configuration never
     * tries to resolve the compose syntax as its own expression.
     */
    static Map<String, String> composeContainerEnvironment(final String service) {
        final Map<String, String> variables = new LinkedHashMap<>();
        composeEnvironment(service)
                .forEach(
                        (name, value) ->
                                variables.put(
                                        name,
                                        INTERPOLATION.matcher(value).matches()
                                                ? "<from the host environment>"
                                                : value));
        return variables;
    }

    // --- Kubernetes ------------------------------------------------------------------------------

    static List<Path> kubernetesFiles() {
        return yamlFiles(K8S).stream().filter(file -> !file.equals(KUSTOMIZATION)).toList();
    }

    static List<JsonNode> kubernetes(final String kind) {
        return kubernetesFiles().stream()
                .flatMap(file -> read(file).stream())
                .filter(resource -> kind.equals(resource.path("kind").asText()))
                .toList();
    }

    static JsonNode kubernetes(final String kind, final String name) {
        final List<JsonNode> found =
                kubernetes(kind).stream().filter(resource -> name.equals(name(resource))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " resources " + kind + " " + name);
        }
        return found.getFirst();
    }

    static JsonNode kafkaCluster() {
        final List<JsonNode> clusters = kubernetes("Kafka");
        if (clusters.size() != 1) {
            throw new AssertionError(clusters.size() + " Kafka resources, expected one");
        }
        return clusters.getFirst();
    }

    /** The port of the Kafka cluster's internal listener without TLS. */
    static String plainListenerPort() {
        for (final JsonNode listener :
                kafkaCluster().path("spec").path("kafka").path("listeners")) {
            if (!listener.path("tls").asBoolean()
                    && "internal".equals(listener.path("type").asText())) {
                return listener.path("port").asText();
            }
        }
        throw new AssertionError("the Kafka cluster has no internal plain listener");
    }

    static String topicName(final JsonNode topic) {
        final JsonNode topicName = topic.path("spec").path("topicName");
        return topicName.isTextual() ? topicName.asText() : name(topic);
    }

    static String name(final JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    /** The kinds that run a service's pods. */
    static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet");

    /** The Deployments and StatefulSets of the four services (not PostgreSQL's). */
    static List<JsonNode> workloads() {
        return WORKLOAD_KINDS.stream()
                .flatMap(kind -> kubernetes(kind).stream())
                .filter(resource -> Topics.SERVICES.contains(name(resource)))
                .toList();
    }

    /** The one Deployment or StatefulSet of a service. */
    static JsonNode workload(final String service) {
        final List<JsonNode> found =
                workloads().stream().filter(resource -> service.equals(name(resource))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " Deployments or StatefulSets " + service);
        }
        return found.getFirst();
    }

    /** A workload's replicas (1 when unset, as Kubernetes defaults it). */
    static int replicas(final String service) {
        return workload(service).path("spec").path("replicas").asInt(1);
    }

    static JsonNode podSpec(final String service) {
        return workload(service).path("spec").path("template").path("spec");
    }

    static JsonNode container(final String service) {
        final JsonNode containers = podSpec(service).path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(containers.size() + " containers in " + service);
        }
        return containers.get(0);
    }

    /** A container's environment; a value from a Secret or elsewhere becomes a marker. */
    static Map<String, String> kubernetesEnvironment(final String service) {
        final Map<String, String> variables = new LinkedHashMap<>();
        for (final JsonNode entry : container(service).path("env")) {
            final String value =
                    entry.has("valueFrom")
                            ? "<from " + entry.path("valueFrom").fieldNames().next() + ">"
                            : entry.path("value").asText();
            variables.put(entry.path("name").asText(), value);
        }
        return variables;
    }

    static String initConfigMapScript() {
        return kubernetes("ConfigMap", "postgres-init")
                .path("data")
                .path(INIT_SQL.getFileName().toString())
                .asText();
    }

    // --- files -----------------------------------------------------------------------------------

    static List<Path> allYamlFiles() {
        return Stream.concat(yamlFiles(COMPOSE_DIR).stream(), yamlFiles(K8S).stream()).toList();
    }

    static List<Path> yamlFiles(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML file. */
    static List<JsonNode> read(final Path file) {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static List<String> texts(final JsonNode array) {
        final List<String> texts = new ArrayList<>();
        for (final JsonNode item : array) {
            texts.add(item.asText());
        }
        return texts;
    }
}
