package io.dreamloop.deploy;

import static io.dreamloop.deploy.Manifests.COMPOSE;
import static io.dreamloop.deploy.Manifests.INIT_SQL;
import static io.dreamloop.deploy.Manifests.INTERPOLATION;
import static io.dreamloop.deploy.Manifests.KUSTOMIZATION;
import static io.dreamloop.deploy.Manifests.allYamlFiles;
import static io.dreamloop.deploy.Manifests.composeContainerEnvironment;
import static io.dreamloop.deploy.Manifests.composeEnvironment;
import static io.dreamloop.deploy.Manifests.composeService;
import static io.dreamloop.deploy.Manifests.composeServices;
import static io.dreamloop.deploy.Manifests.container;
import static io.dreamloop.deploy.Manifests.initConfigMapScript;
import static io.dreamloop.deploy.Manifests.kafkaCluster;
import static io.dreamloop.deploy.Manifests.kubernetes;
import static io.dreamloop.deploy.Manifests.kubernetesEnvironment;
import static io.dreamloop.deploy.Manifests.kubernetesFiles;
import static io.dreamloop.deploy.Manifests.name;
import static io.dreamloop.deploy.Manifests.plainListenerPort;
import static io.dreamloop.deploy.Manifests.podSpec;
import static io.dreamloop.deploy.Manifests.read;
import static io.dreamloop.deploy.Manifests.replicas;
import static io.dreamloop.deploy.Manifests.texts;
import static io.dreamloop.deploy.Manifests.topicName;
import static io.dreamloop.deploy.Manifests.workload;
import static io.dreamloop.deploy.Manifests.workloads;
import static io.dreamloop.deploy.ServiceConfigs.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.topic.TopicSpec;
import io.dreamloop.contracts.topic.Topics;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the deployment manifests (compose, Kubernetes) against the code without running them.
 *
 * <p>They cannot be run on the development machine (no Docker engine, no cluster), so nothing else
 * would notice when they drift from the code. The code's side is read as the services would see it:
 * {@link Topics#CATALOG} for the topics, and each service's configuration resolved by SmallRye
 * Config from its application.properties and the platform defaults ({@link ServiceConfigs}) for the
 * image the Maven build produces, the port, and what each environment variable a manifest sets
 * changes in the service. No manifest may hold a credential.
 *
 * <p>Runs with the working directory {@code deploy/}.
 */
class ManifestsTest {
    private static final Path DEPLOY_README = Path.of("README.md");
    private static final Path JAVA_ENV = Path.of("java-env.sh");
    private static final String JIB_EXTENSION =
            "<artifactId>quarkus-container-image-jib</artifactId>";
    private static final String GPU = "nvidia.com/gpu";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String ALL_INTERFACES = "0.0.0.0";

    private static final Set<String> GPU_SERVICES = Set.of(Topics.PREDICTOR, Topics.TRAINER);

    /**
     * Environment variables that are not keys of the services' own configuration, with who reads
     * them instead. The GPU ones appear only in the manifests' comments (optional settings).
     */
    private static final Map<String, String> READ_OUTSIDE_THE_CONFIGURATION =
            Map.of(
                    "QUARKUS_PROFILE", "Quarkus, to choose the profile",
                    "PYTORCH_VERSION", "DJL, to download other PyTorch natives",
                    "PYTORCH_FLAVOR", "DJL, to download other PyTorch natives",
                    "JAVA_TOOL_OPTIONS", "the JVM");

    /** Quarkus gives every KAFKA_* variable to the Kafka clients, as it does kafka.* keys. */
    private static final String KAFKA_CLIENT_VARIABLES = "KAFKA_";

    /** A base image with a Java 25 runtime. */
    private static final Pattern JAVA_25_BASE =
            Pattern.compile(".*/openjdk-25(-runtime)?:[-.\\w]+|eclipse-temurin:25([-.]\\S*)?");

    /** The name of a setting that holds a credential. */
    private static final Pattern CREDENTIAL =
            Pattern.compile("(?i).*(password|secret|token|api[-_]?keys?|jaas|credential).*");

    /** A password written into SQL as a string literal ({@code PASSWORD 'secret'}). */
    private static final Pattern SQL_PASSWORD_LITERAL = Pattern.compile("(?i)\\bPASSWORD\\s+E?'");

    private static final Pattern KAFKA_VERSION =
            Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>");

    /** A messaging channel's topic: {@code mp.messaging.incoming.<channel>.topic}. */
    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic");

    // --- files and the Kafka topics --------------------------------------------------------------

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
    void everyTopicAServiceIsConfiguredWithIsDeclared() {
        final Set<String> declared = new TreeSet<>();
        kubernetes("KafkaTopic").forEach(topic -> declared.add(topicName(topic)));
        for (final String service : Topics.SERVICES) {
            final SmallRyeConfig config = ServiceConfigs.build(service);
            for (final String key : config.getPropertyNames()) {
                if (CHANNEL_TOPIC.matcher(key).matches()) {
                    assertThat(declared)
                            .as(key + " of " + service + " among the KafkaTopics")
                            .contains(config.getValue(key, String.class));
                }
            }
        }
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

    // --- images ----------------------------------------------------------------------------------

    @Test
    void composeAndKubernetesRunTheImagesTheMavenBuildProduces() {
        final Map<String, String> built = new TreeMap<>();
        Topics.SERVICES.forEach(service -> built.put(service, ServiceConfigs.image(service)));
        final Map<String, String> compose = new TreeMap<>();
        for (final Map.Entry<String, JsonNode> service : composeServices().properties()) {
            if (service.getValue().path("image").asText().startsWith("dreamloop/")) {
                compose.put(service.getKey(), service.getValue().path("image").asText());
            }
        }
        final Map<String, String> kubernetes = new TreeMap<>();
        for (final JsonNode workload : workloads()) {
            kubernetes.put(name(workload), container(name(workload)).path("image").asText());
        }
        assertThat(built.values())
                .allSatisfy(image -> assertThat(image).matches("dreamloop/[a-z-]+:\\S+"));
        assertThat(compose).as("compose images").isEqualTo(built);
        assertThat(kubernetes).as("Kubernetes images").isEqualTo(built);
        for (final String service : Topics.SERVICES) {
            assertThat(ServiceConfigs.image(service))
                    .endsWith(":" + ServiceConfigs.projectVersion(service));
        }
    }

    @Test
    void theMavenBuildIsTheOnlySourceOfTheImages() throws IOException {
        for (final String service : Topics.SERVICES) {
            final JsonNode definition = composeService(service);
            assertThat(definition.has("build")).as("compose builds " + service).isFalse();
            assertThat(definition.path("pull_policy").asText())
                    .as("compose pull_policy of " + service + " (dreamloop/* is not ours)")
                    .isEqualTo("never");
            assertThat(Files.readString(ServiceConfigs.pomFile(service)))
                    .as(ServiceConfigs.pomFile(service).toString())
                    .contains(JIB_EXTENSION);
            assertThat(ServiceConfigs.module(service).resolve("src/main/docker"))
                    .as("hand-written Dockerfiles of " + service)
                    .doesNotExist();
        }
    }

    @Test
    void imagesAreBuiltOnlyWhenAskedAndRunJava25AsTheManifestsUser() {
        for (final String service : Topics.SERVICES) {
            final SmallRyeConfig config = ServiceConfigs.build(service);
            assertThat(config.getValue("quarkus.container-image.build", Boolean.class))
                    .as("quarkus.container-image.build of " + service)
                    .isFalse();
            assertThat(config.getValue("quarkus.container-image.push", Boolean.class))
                    .as("quarkus.container-image.push of " + service)
                    .isFalse();
            assertThat(config.getValue("quarkus.jib.base-jvm-image", String.class))
                    .as("base image of " + service)
                    .matches(JAVA_25_BASE);
            assertThat(config.getValues("quarkus.jib.jvm-additional-arguments", String.class))
                    .as("JVM arguments of " + service)
                    .contains("--enable-native-access=ALL-UNNAMED");
            final String user = config.getValue("quarkus.jib.user", String.class);
            assertThat(podSpec(service).path("securityContext").path("runAsUser").asText())
                    .as("runAsUser of " + service + " = the image's user")
                    .isEqualTo(user);
            assertThat(user).as("image user of " + service).isNotIn("0", "root");
        }
    }

    // --- configuration through the environment ---------------------------------------------------

    @Test
    void everyVariableAManifestSetsIsAKeyTheServiceReadsAndDocumented() throws IOException {
        final String readme = Files.readString(DEPLOY_README);
        for (final String service : Topics.SERVICES) {
            final Set<String> known = new TreeSet<>(READ_OUTSIDE_THE_CONFIGURATION.keySet());
            ServiceConfigs.keys(service)
                    .forEach(key -> known.add(ServiceConfigs.environmentName(key)));
            for (final String variable : manifestVariables(service)) {
                if (!variable.startsWith(KAFKA_CLIENT_VARIABLES)) {
                    assertThat(known)
                            .as(variable + " of " + service + ": no configuration key it sets")
                            .contains(variable);
                }
                assertThat(readme)
                        .as(variable + " of " + service + " in " + DEPLOY_README)
                        .contains("`" + variable + "`");
            }
        }
    }

    @Test
    void servicesListenOnAllInterfacesOnTheirPort() {
        for (final String service : Topics.SERVICES) {
            final SmallRyeConfig build = ServiceConfigs.build(service);
            final String port = build.getValue("quarkus.http.port", String.class);
            assertThat(build.getValues("quarkus.jib.ports", String.class))
                    .as("ports the image of " + service + " exposes")
                    .containsExactly(port);
            for (final SmallRyeConfig config : inContainers(service)) {
                assertThat(config.getValue("quarkus.http.host", String.class))
                        .as("quarkus.http.host of " + service + " in a container")
                        .isEqualTo(ALL_INTERFACES);
                assertThat(config.getValue("quarkus.http.port", String.class))
                        .as("quarkus.http.port of " + service + " in a container")
                        .isEqualTo(port);
            }
            assertComposePort(service, port);
            assertKubernetesPort(service, port);
        }
    }

    @Test
    void servicesReachTheBrokerOfTheirPlatform() {
        final String kubernetes = name(kafkaCluster()) + "-kafka-bootstrap:" + plainListenerPort();
        final String advertised =
                composeEnvironment("kafka").getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        for (final String service : Topics.SERVICES) {
            final String compose =
                    ServiceConfigs.container(service, composeContainerEnvironment(service))
                            .getValue("kafka.bootstrap.servers", String.class);
            assertThat(advertised)
                    .as("compose kafka advertises the bootstrap of " + service)
                    .contains("://" + compose);
            assertThat(
                            ServiceConfigs.container(service, kubernetesEnvironment(service))
                                    .getValue("kafka.bootstrap.servers", String.class))
                    .as("Kubernetes bootstrap of " + service)
                    .isEqualTo(kubernetes);
        }
    }

    @Test
    void eachServiceUsesItsOwnDatabaseWhichTheInitScriptCreates() throws IOException {
        final String script = Files.readString(INIT_SQL);
        assertThat(initConfigMapScript().strip()).isEqualTo(script.strip());
        for (final String service : Topics.SERVICES) {
            final String database =
                    ServiceConfigs.build(service).getValue("dreamloop.db.name", String.class);
            for (final SmallRyeConfig config : inContainers(service)) {
                final String user =
                        config.getValue("quarkus.datasource.\"pg\".username", String.class);
                assertThat(config.getValue("quarkus.datasource.\"pg\".jdbc.url", String.class))
                        .as("JDBC URL of " + service + " in a container")
                        .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
                assertThat(script).contains("CREATE DATABASE " + database + " OWNER " + user + ";");
                assertThat(script).contains("CREATE ROLE " + user + " ");
            }
        }
        assertThat(composeServices().has("postgres")).isTrue();
        assertThat(name(kubernetes("Service", "postgres"))).isEqualTo("postgres");
    }

    // --- scale-out -------------------------------------------------------------------------------

    /**
     * Topics a service's replicas need not share: one partition of model-published goes to one
     * replica of each service, which records the version in the database all replicas read (the
     * predictor's replicas follow the champion recorded there).
     */
    private static final Set<String> HANDLED_BY_ONE_REPLICA = Set.of(Topics.MODEL_PUBLISHED);

    @Test
    void replicasDoNotOutnumberThePartitionsOfTheirConsumerGroups() {
        final Map<String, Integer> partitions = declaredPartitions();
        for (final TopicSpec topic : Topics.CATALOG) {
            for (final String consumer : topic.consumers()) {
                if (Topics.SERVICES.contains(consumer)
                        && !topic.name().equals(Topics.SCORES_COMPUTED)
                        && !HANDLED_BY_ONE_REPLICA.contains(topic.name())) {
                    assertThat(partitions.get(topic.name()))
                            .as(
                                    "partitions of %s >= replicas of %s (its consumer group)",
                                    topic.name(), consumer)
                            .isGreaterThanOrEqualTo(replicas(consumer));
                }
            }
        }
    }

    @Test
    void eachDesignerReplicaReadsAReplyPartitionOfItsOwn() {
        assertThat(workload(Topics.DESIGNER).path("kind").asText())
                .as("the designer's pods need stable ordinals: a StatefulSet")
                .isEqualTo("StatefulSet");
        assertThat(declaredPartitions().get(Topics.SCORES_COMPUTED))
                .as("partitions of %s >= designer replicas", Topics.SCORES_COMPUTED)
                .isGreaterThanOrEqualTo(replicas(Topics.DESIGNER));
        assertThat(kubernetesEnvironment(Topics.DESIGNER))
                .as("a fixed reply partition would be the same for every replica")
                .doesNotContainKey("DREAMLOOP_DESIGNER_SCORING_REPLY_PARTITION");
        final String headless = workload(Topics.DESIGNER).path("spec").path("serviceName").asText();
        assertThat(kubernetes("Service", headless).path("spec").path("clusterIP").asText())
                .as("the StatefulSet's serviceName is a headless Service")
                .isEqualTo("None");
    }

    @Test
    void theTrainerRunsOnce() {
        // Training runs, their cancellation and the champion decision live in one process.
        assertThat(replicas(Topics.TRAINER)).isOne();
        assertThat(replicas(Topics.LAB_INGEST)).as("lab-ingest scales out").isGreaterThan(1);
    }

    private static Map<String, Integer> declaredPartitions() {
        final Map<String, Integer> declared = new TreeMap<>();
        for (final JsonNode topic : kubernetes("KafkaTopic")) {
            declared.put(topicName(topic), topic.path("spec").path("partitions").asInt());
        }
        return declared;
    }

    // --- compose and Kubernetes specifics --------------------------------------------------------

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

    /**
     * The images tune glibc's malloc as {@code ./dreamloop} does ({@code deploy/java-env.sh}, which
     * says why): the same variables with the same values, so a service is as fast in a container as
     * in the embedded run.
     */
    @Test
    void imagesTuneMallocAsTheLauncherDoes() throws IOException {
        final Map<String, String> launcher = new TreeMap<>();
        final Matcher defaults =
                Pattern.compile("export (MALLOC_[A-Z_]+)=\"\\$\\{\\1:-(\\d+)}\"")
                        .matcher(Files.readString(JAVA_ENV));
        while (defaults.find()) {
            launcher.put(defaults.group(1), defaults.group(2));
        }
        assertThat(launcher)
                .as("malloc defaults of " + JAVA_ENV)
                .containsOnlyKeys(
                        "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_");
        final String readme = Files.readString(DEPLOY_README);
        for (final String service : Topics.SERVICES) {
            final Map<String, String> image = ServiceConfigs.imageEnvironment(service);
            launcher.forEach(
                    (name, value) -> {
                        assertThat(image).as("image of " + service).containsEntry(name, value);
                        assertThat(readme).contains("`" + name + "=" + value + "`");
                    });
        }
    }

    @Test
    void noManifestHoldsACredential() throws IOException {
        final List<String> problems = new ArrayList<>();
        for (final Path file : allYamlFiles()) {
            for (final JsonNode document : read(file)) {
                if ("Secret".equals(document.path("kind").asText())) {
                    problems.add(file + ": declares a Secret (create it with kubectl instead)");
                }
                collectCredentials(file.toString(), document, problems);
            }
        }
        for (final String script : List.of(Files.readString(INIT_SQL), initConfigMapScript())) {
            if (SQL_PASSWORD_LITERAL.matcher(script).find()) {
                problems.add("init script: a literal PASSWORD '...'");
            }
        }
        for (final String service : Topics.SERVICES) {
            ServiceConfigs.imageEnvironment(service).keySet().stream()
                    .filter(ManifestsTest::isCredential)
                    .forEach(name -> problems.add("the image of " + service + " sets " + name));
        }
        assertThat(problems).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void assertComposePort(final String service, final String port) {
        final JsonNode definition = composeService(service);
        assertThat(texts(definition.path("ports")))
                .as("compose ports of " + service)
                .containsExactly(LOOPBACK + ":" + port + ":" + port);
        assertThat(String.join(" ", texts(definition.path("healthcheck").path("test"))))
                .as("compose healthcheck of " + service)
                .contains(":" + port + "/q/health/ready");
    }

    private static void assertKubernetesPort(final String service, final String port) {
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

    /** The service's configuration in its compose container and in its Kubernetes pod. */
    private static List<SmallRyeConfig> inContainers(final String service) {
        return List.of(
                ServiceConfigs.container(service, composeContainerEnvironment(service)),
                ServiceConfigs.container(service, kubernetesEnvironment(service)));
    }

    /** Every variable the compose file or the Kubernetes manifests set for the service. */
    private static Set<String> manifestVariables(final String service) {
        final Set<String> variables = new TreeSet<>(composeEnvironment(service).keySet());
        variables.addAll(kubernetesEnvironment(service).keySet());
        return variables;
    }

    /**
     * Adds a problem for every credential-named field whose value is not a compose interpolation,
     * and every credential-named environment entry that does not come from a Secret.
     */
    private static void collectCredentials(
            final String where, final JsonNode node, final List<String> problems) {
        if (node.isArray()) {
            for (final JsonNode item : node) {
                collectCredentials(where, item, problems);
            }
        }
        for (final Map.Entry<String, JsonNode> field : node.properties()) {
            final JsonNode value = field.getValue();
            if (isCredential(field.getKey())
                    && value.isValueNode()
                    && !INTERPOLATION.matcher(value.asText()).matches()) {
                problems.add(where + ": " + field.getKey() + " is not ${...} interpolation");
            }
            collectCredentials(where, value, problems);
        }
        if (node.isObject()
                && isCredential(node.path("name").asText())
                && !node.path("valueFrom").has("secretKeyRef")) {
            problems.add(where + ": " + node.path("name").asText() + " is not from a secretKeyRef");
        }
    }

    private static boolean isCredential(final String name) {
        return CREDENTIAL.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    private static boolean isGpuService(final String service) {
        return GPU_SERVICES.contains(service);
    }
}
