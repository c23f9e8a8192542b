package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dreamloop.contracts.topic.TopicSpec;
import io.dreamloop.contracts.topic.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the deployment manifests (compose, Kubernetes, the services' Dockerfiles) without running
 * them.
 *
 * <p>They cannot be run on the development machine (no Docker engine, no cluster), so nothing else
 * would notice when they drift from the code. This test keeps them parseable and consistent with
 * it: topics with {@link Topics#CATALOG}, ports with each service's {@code quarkus.http.port},
 * environment variables with the platform's configuration keys, the same services and images in
 * compose and Kubernetes, a GPU for predictor and trainer, and no password written anywhere.
 *
 * <p>Runs with the working directory {@code deploy/}.
 */
class ManifestsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path COMPOSE_DIR = Path.of("compose");
    private static final Path COMPOSE = COMPOSE_DIR.resolve("compose.yaml");
    private static final Path INIT_SQL = COMPOSE_DIR.resolve("init-databases.sql");
    private static final Path K8S = Path.of("k8s");
    private static final Path KUSTOMIZATION = K8S.resolve("kustomization.yaml");
    private static final Path PLATFORM_DEFAULTS =
            ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");
    private static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    private static final String APPLICATION_PROPERTIES =
            "src/main/resources/application.properties";
    private static final String GPU = "nvidia.com/gpu";
    private static final String LOOPBACK = "127.0.0.1";

    /** Each service's module directory, relative to the repository root. */
    private static final Map<String, String> MODULES =
            Map.of(
                    Topics.DESIGNER, "designer",
                    Topics.PREDICTOR, "predictor/service",
                    Topics.LAB_INGEST, "lab-ingest",
                    Topics.TRAINER, "trainer");

    private static final Set<String> GPU_SERVICES = Set.of(Topics.PREDICTOR, Topics.TRAINER);

    /** The environment variables a service container may set (deploy/README.md lists them). */
    private static final Set<String> DOCUMENTED_ENV =
            Set.of(
                    "DREAMLOOP_KAFKA_BOOTSTRAP",
                    "DREAMLOOP_DB_HOST",
                    "DREAMLOOP_DB_PORT",
                    "DREAMLOOP_DB_NAME",
                    "DREAMLOOP_DB_USER",
                    "DREAMLOOP_DB_PASSWORD",
                    "QUARKUS_HTTP_HOST",
                    "QUARKUS_HTTP_PORT",
                    "QUARKUS_PROFILE",
                    "PYTORCH_FLAVOR");

    /** Compose interpolation without a default value: {@code ${NAME}} or {@code ${NAME:?why}}. */
    private static final Pattern INTERPOLATION =
            Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*(:?\\?[^}]*)?}");

    /** A password written into SQL as a string literal ({@code PASSWORD 'secret'}). */
    private static final Pattern SQL_PASSWORD_LITERAL = Pattern.compile("(?i)\\bPASSWORD\\s+E?'");

    /** An ENV or ARG instruction of a Dockerfile that sets a password. */
    private static final Pattern DOCKERFILE_PASSWORD =
            Pattern.compile("(?im)^\\s*(ENV|ARG)\\b.*PASSWORD");

    private static final Pattern KAFKA_VERSION =
            Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>");

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyYamlFileParses() {
        final List<Path> files = allYamlFiles();
        assertThat(files).contains(COMPOSE, KUSTOMIZATION);
        for (final Path file : files) {
            assertThat(read(file)).as(file.toString()).isNotEmpty().allMatch(JsonNode::isObject);
        }
    }

    @Test
    void kustomizationListsExactlyTheManifests() {
        final List<String> listed = texts(read(KUSTOMIZATION).getFirst().path("resources"));
        final List<String> present =
                kubernetesFiles().stream().map(file -> file.getFileName().toString()).toList();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void kafkaTopicsEqualTheCatalog() {
        final String cluster = name(kafkaCluster());
        final List<String> names = new ArrayList<>();
        final Map<String, Integer> declared = new TreeMap<>();
        for (final JsonNode topic : kubernetes("KafkaTopic")) {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("strimzi.io/cluster of " + topicName(topic))
                    .isEqualTo(cluster);
            names.add(topicName(topic));
            declared.put(topicName(topic), topic.path("spec").path("partitions").asInt());
        }
        final Map<String, Integer> catalog = new TreeMap<>();
        for (final TopicSpec spec : Topics.CATALOG) {
            catalog.put(spec.name(), spec.partitions());
        }
        assertThat(names).doesNotHaveDuplicates();
        assertThat(declared).isEqualTo(catalog);
    }

    @Test
    void kafkaVersionIsTheProjectsOne() throws IOException {
        final Matcher pom = KAFKA_VERSION.matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(pom.find()).as("<kafka.version> in the root pom.xml").isTrue();
        final String version = pom.group(1).strip();
        assertThat(kafkaCluster().path("spec").path("kafka").path("version").asText())
                .isEqualTo(version);
        assertThat(composeService("kafka").path("image").asText())
                .isEqualTo("apache/kafka:" + version);
    }

    @Test
    void composeAndKubernetesDeclareTheSameServicesAndImages() {
        final Map<String, String> compose = new TreeMap<>();
        for (final Map.Entry<String, JsonNode> service : composeServices().properties()) {
            if (service.getValue().has("build")) {
                compose.put(service.getKey(), service.getValue().path("image").asText());
            }
        }
        final Map<String, String> kubernetes = new TreeMap<>();
        for (final JsonNode deployment : kubernetes("Deployment")) {
            kubernetes.put(name(deployment), container(name(deployment)).path("image").asText());
        }
        assertThat(compose.keySet()).containsExactlyInAnyOrderElementsOf(Topics.SERVICES);
        assertThat(kubernetes).isEqualTo(compose);
        for (final Map.Entry<String, String> image : compose.entrySet()) {
            assertThat(image.getValue()).startsWith("dreamloop/" + image.getKey() + ":");
        }
    }

    @Test
    void composeBuildsEachServiceFromItsModule() {
        for (final String service : Topics.SERVICES) {
            final JsonNode build = composeService(service).path("build");
            final String context = build.path("context").asText();
            assertThat(context).as(service).isEqualTo("../../" + MODULES.get(service));
            assertThat(build.path("dockerfile").asText()).as(service).isEqualTo(DOCKERFILE);
            assertThat(COMPOSE_DIR.resolve(context).resolve(DOCKERFILE)).isRegularFile();
        }
    }

    @Test
    void composeStartsServicesOnHealthyDependenciesAndPublishesOnLoopbackOnly() {
        for (final Map.Entry<String, JsonNode> service : composeServices().properties()) {
            final JsonNode definition = service.getValue();
            for (final Map.Entry<String, JsonNode> dependency :
                    definition.path("depends_on").properties()) {
                assertThat(dependency.getValue().path("condition").asText())
                        .as(service.getKey() + " -> " + dependency.getKey())
                        .isEqualTo("service_healthy");
                assertThat(composeService(dependency.getKey()).has("healthcheck"))
                        .as(dependency.getKey() + " has a healthcheck")
                        .isTrue();
            }
            for (final JsonNode port : definition.path("ports")) {
                assertThat(port.isObject() ? port.path("host_ip").asText() : port.asText())
                        .as("published port of " + service.getKey())
                        .startsWith(LOOPBACK);
            }
        }
    }

    @Test
    void servicesSetOnlyDocumentedEnvironmentVariables() {
        for (final String service : Topics.SERVICES) {
            assertThat(composeEnvironment(service).keySet())
                    .as("compose environment of " + service)
                    .isSubsetOf(DOCUMENTED_ENV);
            assertThat(kubernetesEnvironment(service).keySet())
                    .as("k8s environment of " + service)
                    .isSubsetOf(DOCUMENTED_ENV);
            assertThat(composeEnvironment(service)).containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0");
            assertThat(kubernetesEnvironment(service))
                    .containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0");
        }
    }

    @Test
    void dreamloopVariablesAreKeysOfThePlatformDefaults() throws IOException {
        final String defaults = Files.readString(PLATFORM_DEFAULTS);
        final List<String> unknown =
                DOCUMENTED_ENV.stream()
                        .filter(variable -> variable.startsWith("DREAMLOOP_"))
                        .filter(variable -> !defines(defaults, configKey(variable)))
                        .sorted()
                        .toList();
        assertThat(unknown).as("not configuration keys of " + PLATFORM_DEFAULTS).isEmpty();
    }

    @Test
    void servicesReachTheBrokerOfTheirPlatform() {
        final String kubernetes = name(kafkaCluster()) + "-kafka-bootstrap:" + plainListenerPort();
        final String advertised =
                composeEnvironment("kafka").getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        for (final String service : Topics.SERVICES) {
            final String compose = composeEnvironment(service).get("DREAMLOOP_KAFKA_BOOTSTRAP");
            assertThat(compose).as("compose bootstrap of " + service).isNotBlank();
            assertThat(advertised).as("advertised by compose kafka").contains("://" + compose);
            assertThat(kubernetesEnvironment(service))
                    .containsEntry("DREAMLOOP_KAFKA_BOOTSTRAP", kubernetes);
        }
    }

    @Test
    void portsEqualEachServicesHttpPort() {
        for (final String service : Topics.SERVICES) {
            assertComposePort(service, httpPort(service));
            assertKubernetesPort(service, httpPort(service));
        }
    }

    @Test
    void eachServiceUsesItsOwnDatabaseWhichTheInitScriptCreates() throws IOException {
        final String script = Files.readString(INIT_SQL);
        assertThat(initConfigMapScript().strip()).isEqualTo(script.strip());
        for (final String service : Topics.SERVICES) {
            final String database = databaseName(service);
            final String user = composeEnvironment(service).get("DREAMLOOP_DB_USER");
            assertThat(composeEnvironment(service)).containsEntry("DREAMLOOP_DB_NAME", database);
            assertThat(kubernetesEnvironment(service))
                    .containsEntry("DREAMLOOP_DB_NAME", database)
                    .containsEntry("DREAMLOOP_DB_USER", user);
            assertThat(script).contains("CREATE DATABASE " + database + " OWNER " + user + ";");
            assertThat(script).contains("CREATE ROLE " + user + " ");
        }
    }

    @Test
    void kubernetesProbesUseTheQuarkusHealthEndpoints() {
        for (final String service : Topics.SERVICES) {
            final JsonNode container = container(service);
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                    .as("readiness of " + service)
                    .isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                    .as("liveness of " + service)
                    .isEqualTo("/q/health/live");
            assertThat(container.path("resources").path("requests").has("memory"))
                    .as("memory request of " + service)
                    .isTrue();
        }
    }

    @Test
    void predictorAndTrainerRunOnAGpuNode() {
        for (final String service : Topics.SERVICES) {
            final JsonNode resources = container(service).path("resources");
            final boolean gpu =
                    resources.path("limits").has(GPU) || resources.path("requests").has(GPU);
            final boolean tolerated =
                    podSpec(service).path("tolerations").findValuesAsText("key").contains(GPU);
            assertThat(gpu).as(service + " requests " + GPU).isEqualTo(isGpuService(service));
            assertThat(tolerated).as(service + " tolerates " + GPU).isEqualTo(gpu);
        }
    }

    @Test
    void noManifestHoldsAPassword() throws IOException {
        final List<String> problems = new ArrayList<>();
        for (final Path file : allYamlFiles()) {
            for (final JsonNode document : read(file)) {
                if ("Secret".equals(document.path("kind").asText())) {
                    problems.add(file + ": declares a Secret (create it with kubectl instead)");
                }
                collectPasswords(file.toString(), document, problems);
            }
        }
        for (final String script : List.of(Files.readString(INIT_SQL), initConfigMapScript())) {
            if (SQL_PASSWORD_LITERAL.matcher(script).find()) {
                problems.add("init script: a literal PASSWORD '...'");
            }
        }
        for (final String service : Topics.SERVICES) {
            if (DOCKERFILE_PASSWORD.matcher(Files.readString(dockerfile(service))).find()) {
                problems.add(dockerfile(service) + ": a password in ENV or ARG");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void dockerfilesRunTheQuarkusAppOnTemurin25() throws IOException {
        for (final String service : Topics.SERVICES) {
            final Path file = dockerfile(service);
            assertThat(file).isRegularFile();
            assertThat(Files.readString(file))
                    .as(file.toString())
                    .containsPattern("(?m)^FROM eclipse-temurin:25([-.]\\S*)?\\s*$")
                    .containsPattern("(?m)^EXPOSE " + Pattern.quote(httpPort(service)) + "\\s*$")
                    .containsPattern("(?m)^USER (?!root\\b|0\\b)\\S+")
                    .contains("QUARKUS_HTTP_HOST=0.0.0.0")
                    .contains("target/quarkus-app/lib/", "target/quarkus-app/*.jar")
                    .contains("target/quarkus-app/app/", "target/quarkus-app/quarkus/")
                    .contains("--enable-native-access=ALL-UNNAMED", "/deployments/quarkus-run.jar");
        }
    }

    // --- compose ---------------------------------------------------------------------------------

    private static void assertComposePort(final String service, final String port) {
        final JsonNode definition = composeService(service);
        assertThat(composeEnvironment(service)).containsEntry("QUARKUS_HTTP_PORT", port);
        assertThat(texts(definition.path("ports")))
                .as("compose ports of " + service)
                .containsExactly(LOOPBACK + ":" + port + ":" + port);
        assertThat(String.join(" ", texts(definition.path("healthcheck").path("test"))))
                .as("compose healthcheck of " + service)
                .contains(":" + port + "/q/health/ready");
    }

    private static JsonNode composeServices() {
        return read(COMPOSE).getFirst().path("services");
    }

    private static JsonNode composeService(final String service) {
        final JsonNode definition = composeServices().path(service);
        assertThat(definition.isObject()).as("compose service " + service).isTrue();
        return definition;
    }

    /** A compose service's environment, from either its map or its list of NAME=value form. */
    private static Map<String, String> composeEnvironment(final String service) {
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

    // --- Kubernetes ------------------------------------------------------------------------------

    private static void assertKubernetesPort(final String service, final String port) {
        assertThat(kubernetesEnvironment(service)).containsEntry("QUARKUS_HTTP_PORT", port);
        assertThat(container(service).path("ports").findValuesAsText("containerPort"))
                .as("containerPort of " + service)
                .containsExactly(port);
        assertThat(
                        kubernetes("Service", service)
                                .path("spec")
                                .path("ports")
                                .findValuesAsText("port"))
                .as("Service port of " + service)
                .containsExactly(port);
    }

    private static List<Path> kubernetesFiles() {
        return yamlFiles(K8S).stream().filter(file -> !file.equals(KUSTOMIZATION)).toList();
    }

    private static List<JsonNode> kubernetes(final String kind) {
        return kubernetesFiles().stream()
                .flatMap(file -> read(file).stream())
                .filter(resource -> kind.equals(resource.path("kind").asText()))
                .toList();
    }

    private static JsonNode kubernetes(final String kind, final String name) {
        final List<JsonNode> found =
                kubernetes(kind).stream().filter(resource -> name.equals(name(resource))).toList();
        assertThat(found.size()).as(kind + " " + name).isEqualTo(1);
        return found.getFirst();
    }

    private static JsonNode kafkaCluster() {
        final List<JsonNode> clusters = kubernetes("Kafka");
        assertThat(clusters.size()).as("Kafka resources").isEqualTo(1);
        return clusters.getFirst();
    }

    /** The port of the Kafka cluster's internal listener without TLS. */
    private static String plainListenerPort() {
        for (final JsonNode listener :
                kafkaCluster().path("spec").path("kafka").path("listeners")) {
            if (!listener.path("tls").asBoolean()
                    && "internal".equals(listener.path("type").asText())) {
                return listener.path("port").asText();
            }
        }
        throw new AssertionError("the Kafka cluster has no internal plain listener");
    }

    private static String topicName(final JsonNode topic) {
        final JsonNode topicName = topic.path("spec").path("topicName");
        return topicName.isTextual() ? topicName.asText() : name(topic);
    }

    private static String name(final JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    private static JsonNode podSpec(final String service) {
        return kubernetes("Deployment", service).path("spec").path("template").path("spec");
    }

    private static JsonNode container(final String service) {
        final JsonNode containers = podSpec(service).path("containers");
        assertThat(containers.size()).as("containers of " + service).isEqualTo(1);
        return containers.get(0);
    }

    private static Map<String, String> kubernetesEnvironment(final String service) {
        final Map<String, String> variables = new LinkedHashMap<>();
        for (final JsonNode entry : container(service).path("env")) {
            variables.put(entry.path("name").asText(), entry.path("value").asText());
        }
        return variables;
    }

    private static String initConfigMapScript() {
        return kubernetes("ConfigMap", "postgres-init")
                .path("data")
                .path(INIT_SQL.getFileName().toString())
                .asText();
    }

    // --- passwords -------------------------------------------------------------------------------

    /**
     * Adds a problem for every password-named field whose value is not a compose interpolation, and
     * every password-named environment entry that does not come from a Secret.
     */
    private static void collectPasswords(
            final String where, final JsonNode node, final List<String> problems) {
        if (node.isArray()) {
            for (final JsonNode item : node) {
                collectPasswords(where, item, problems);
            }
        }
        for (final Map.Entry<String, JsonNode> field : node.properties()) {
            final JsonNode value = field.getValue();
            if (isPassword(field.getKey())
                    && value.isValueNode()
                    && !INTERPOLATION.matcher(value.asText()).matches()) {
                problems.add(where + ": " + field.getKey() + " is not ${...} interpolation");
            }
            collectPasswords(where, value, problems);
        }
        if (node.isObject()
                && isPassword(node.path("name").asText())
                && !node.path("valueFrom").has("secretKeyRef")) {
            problems.add(where + ": " + node.path("name").asText() + " is not from a secretKeyRef");
        }
    }

    private static boolean isPassword(final String name) {
        return name.toLowerCase(Locale.ROOT).contains("password");
    }

    // --- the code --------------------------------------------------------------------------------

    private static boolean isGpuService(final String service) {
        return GPU_SERVICES.contains(service);
    }

    private static Path dockerfile(final String service) {
        return ROOT.resolve(MODULES.get(service)).resolve(DOCKERFILE);
    }

    /** The service's application.properties, read now: some services may be written later. */
    private static Properties applicationProperties(final String service) {
        final Path file = ROOT.resolve(MODULES.get(service)).resolve(APPLICATION_PROPERTIES);
        assertThat(file).as("application.properties of " + service).isRegularFile();
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The service's quarkus.http.port. */
    private static String httpPort(final String service) {
        final String port = applicationProperties(service).getProperty("quarkus.http.port");
        assertThat(port).as("quarkus.http.port of " + service).isNotBlank();
        return port.strip();
    }

    /** The service's dreamloop.db.name, else the platform default dreamloop_{service}. */
    private static String databaseName(final String service) {
        final String fallback = "dreamloop_" + service.replace('-', '_');
        return applicationProperties(service).getProperty("dreamloop.db.name", fallback).strip();
    }

    /** DREAMLOOP_DB_HOST to dreamloop.db.host, as Quarkus maps environment variables. */
    private static String configKey(final String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Whether a properties text defines the key or reads it through an expression. */
    private static boolean defines(final String properties, final String key) {
        return Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=").matcher(properties).find()
                || properties.contains("${" + key);
    }

    // --- files -----------------------------------------------------------------------------------

    private static List<Path> allYamlFiles() {
        return Stream.concat(yamlFiles(COMPOSE_DIR).stream(), yamlFiles(K8S).stream()).toList();
    }

    private static List<Path> yamlFiles(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML file. */
    private static List<JsonNode> read(final Path file) {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    private static List<String> texts(final JsonNode array) {
        final List<String> texts = new ArrayList<>();
        for (final JsonNode item : array) {
            texts.add(item.asText());
        }
        return texts;
    }
}
