package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged services as separate processes on the real broker and PostgreSQL: an event produced
 * by one service is consumed by another and persisted, a 100,000-sequence library included;
 * redelivered events have one effect; poison is dead-lettered and the consumers keep going.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    private static final EventCodec CODEC = EventCodec.instance();

    /** Each designer instance's partition of scores-computed: 0 for the first, 1 for the second. */
    private static final String REPLY_PARTITION = "dreamloop.designer.scoring.reply-partition";

    private static final int DESIGNER_2_PORT = 18081 + 4;
    private static LocalStack stack;
    private static String output;

    @BeforeAll
    static void startStack() {
        final Infrastructure infrastructure = Infrastructure.get();
        infrastructure.resetTopics();
        final Path root = Infrastructure.repositoryRoot();
        stack =
                LocalStack.start(
                        root,
                        root.resolve(".run/e2e"),
                        0,
                        infrastructure.kafkaBootstrap(),
                        ServiceSpec.defaults(18081),
                        spec -> {
                            final Map<String, String> props =
                                    new java.util.LinkedHashMap<>(
                                            CleanPostgres.properties(
                                                    CleanPostgres.database(
                                                            infrastructure, spec, "e2e")));
                            if (spec.name().equals(Topics.DESIGNER)) {
                                props.put(REPLY_PARTITION, "0");
                            }
                            return props;
                        },
                        System.out::println);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsReadyWithBrokerAndDatabaseChecks() {
        assertThat(stack.readiness()).containsOnlyKeys(Topics.SERVICES);
        stack.readiness()
                .forEach(
                        (service, health) -> {
                            assertThat(health.path("status").asText()).as(service).isEqualTo("UP");
                            assertThat(health.toString())
                                    .as(service)
                                    .contains("Kafka connection health check")
                                    .contains("Database connections health check");
                        });
        // Readiness does not wait for partition assignment: poll the topology briefly.
        final List<String> expected =
                List.of(
                        "dreamloop.lab-ingest.library-designed 1/3",
                        "dreamloop.designer.design-requested 1/3",
                        "dreamloop.trainer.measurements-recorded 1/3",
                        "dreamloop.predictor.model-published 1/1");
        for (int attempt = 0; attempt < 60; attempt++) {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Topology.print(stack, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            output = bytes.toString(StandardCharsets.UTF_8);
            if (expected.stream().allMatch(output::contains)) {
                break;
            }
            ServiceProcess.sleep(500);
        }
        System.out.println(output);
        assertThat(output).contains(expected);
    }

    @Test
    @Order(2)
    void aHundredThousandSequenceLibraryTravelsFromDesignerToLabIngest() {
        final FoundationChain.Result result =
                FoundationChain.run(stack, "lib-e2e-100k", 100_000, 2022, System.out);
        assertThat(result.members()).isEqualTo(100_000);
        assertThat(result.membersAtLabIngest()).isEqualTo(100_000);
        assertThat(result.chunks()).isGreaterThan(1);
    }

    @Test
    @Order(3)
    void redeliveredChunksHaveOneEffectAndPoisonIsDeadLetteredWhileTheLoopGoesOn() {
        final String bootstrap = stack.bootstrap();
        final List<ConsumerRecord<String, String>> chunks =
                TestTopics.readUntil(
                        bootstrap,
                        Topics.LIBRARY_DESIGNED,
                        r -> "lib-e2e-100k".equals(r.key()) && lastChunk(r),
                        Duration.ofSeconds(60));
        final List<byte[]> again =
                chunks.stream()
                        .filter(r -> r.key().equals("lib-e2e-100k"))
                        .map(r -> r.value().getBytes(StandardCharsets.UTF_8))
                        .toList();
        TestTopics.produce(bootstrap, Topics.LIBRARY_DESIGNED, "lib-e2e-100k", again);
        TestTopics.produce(
                bootstrap, Topics.LIBRARY_DESIGNED, "lib-e2e-100k", "\u0000 not an event");
        final DeadLetter letter =
                CODEC.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.DEAD_LETTER,
                                        r ->
                                                "lib-e2e-100k"
                                                        .equals(
                                                                CODEC.decode(
                                                                                r.value(),
                                                                                DeadLetter.class)
                                                                        .sourceKey()),
                                        Duration.ofSeconds(120))
                                .getLast()
                                .value(),
                        DeadLetter.class);
        assertThat(letter.service()).isEqualTo("lab-ingest");
        assertThat(letter.reason()).startsWith("malformed: payload is not valid JSON");
        final JsonNode status =
                stack.http().getJson(stack.url("lab-ingest") + "/libraries/lib-e2e-100k");
        assertThat(status.path("membersReceived").asLong()).isEqualTo(100_000);

        final FoundationChain.Result after =
                FoundationChain.run(stack, "lib-e2e-after", 500, 7, System.out);
        assertThat(after.membersAtLabIngest()).isEqualTo(500);
    }

    /**
     * A poison message on every topic a service consumes: each consuming service dead-letters it
     * with its reason (the model-published poison by the predictor, the designer and the trainer),
     * and the loop goes on.
     */
    @Test
    @Order(5)
    void poisonOnEveryConsumedTopicIsDeadLetteredByEachConsumerAndTheLoopGoesOn() {
        final String bootstrap = stack.bootstrap();
        final Map<String, List<String>> consumers =
                Map.of(
                        Topics.DESIGN_REQUESTED, List.of("designer"),
                        Topics.MODEL_PUBLISHED, List.of("designer", "predictor", "trainer"),
                        Topics.SCORE_REQUESTED, List.of("predictor"),
                        Topics.LIBRARY_DESIGNED, List.of("lab-ingest"),
                        Topics.SORTSEQ_RUN_SUBMITTED, List.of("lab-ingest"),
                        Topics.MEASUREMENTS_RECORDED, List.of("designer", "trainer"));
        final java.util.Set<String> expected = new java.util.TreeSet<>();
        consumers.forEach(
                (topic, services) -> {
                    TestTopics.produce(
                            bootstrap, topic, "poison-" + topic, "{\"not\": \"an event\"}");
                    services.forEach(service -> expected.add(service + " <- " + topic));
                });
        final java.util.Set<String> seen = new java.util.TreeSet<>();
        final java.util.Map<String, String> reasons = new java.util.TreeMap<>();
        TestTopics.readUntil(
                bootstrap,
                Topics.DEAD_LETTER,
                r -> {
                    final DeadLetter d = CODEC.decode(r.value(), DeadLetter.class);
                    if (d.sourceKey() != null && d.sourceKey().startsWith("poison-")) {
                        seen.add(d.service() + " <- " + d.sourceTopic());
                        reasons.put(d.service() + " <- " + d.sourceTopic(), d.reason());
                    }
                    return seen.containsAll(expected);
                },
                Duration.ofSeconds(120));
        assertThat(seen).containsAll(expected);
        reasons.forEach((where, reason) -> assertThat(reason).as(where).startsWith("malformed: "));

        final FoundationChain.Result after =
                FoundationChain.run(stack, "lib-e2e-after-poison", 300, 9, System.out);
        assertThat(after.membersAtLabIngest()).isEqualTo(300);
    }

    private static boolean lastChunk(final ConsumerRecord<String, String> r) {
        final var event =
                CODEC.decode(r.value(), io.dreamloop.contracts.event.LibraryDesigned.class);
        return event.chunk().isLast();
    }

    /**
     * Every subset in one library, designed with the real predictor serving two imported model
     * versions (the TorchScript DREAM-CNN twice: the flow, not the size of the disagreement, is
     * under test here). The same request over HTTP and as a design-requested event from another
     * producer gives the same sequences.
     */
    @Test
    @Order(6)
    void everyServiceServesItsOpenApiAndCountsItsEventsForPrometheus() {
        final Map<String, List<String>> paths =
                Map.of(
                        Topics.DESIGNER,
                        List.of(
                                "/libraries",
                                "/libraries/{libraryId}",
                                "/campaigns",
                                "/campaigns/{campaignId}/cancel"),
                        Topics.PREDICTOR,
                        List.of("/score", "/models/import", "/models/champion"),
                        Topics.LAB_INGEST,
                        List.of("/runs", "/runs/{runId}", "/libraries/{libraryId}"),
                        Topics.TRAINER,
                        List.of(
                                "/training",
                                "/training/runs/{runId}/cancel",
                                "/models/{version}",
                                "/models/served"));
        paths.forEach(
                (service, expected) -> {
                    final JsonNode api =
                            stack.http().getJson(stack.url(service) + "/q/openapi?format=json");
                    assertThat(api.path("openapi").asText()).as(service).startsWith("3.");
                    final List<String> served = new java.util.ArrayList<>();
                    api.path("paths").fieldNames().forEachRemaining(served::add);
                    assertThat(served).as(service).containsAll(expected);
                });
        // After the poison of test 5 every consumer has counted a dead letter on its topics, and
        // the chains of tests 2-5 applied events and published them.
        final Map<String, List<String>> consumed =
                Map.of(
                        Topics.DESIGNER,
                                List.of(
                                        Topics.DESIGN_REQUESTED,
                                        Topics.MODEL_PUBLISHED,
                                        Topics.MEASUREMENTS_RECORDED),
                        Topics.PREDICTOR, List.of(Topics.SCORE_REQUESTED, Topics.MODEL_PUBLISHED),
                        Topics.LAB_INGEST,
                                List.of(Topics.LIBRARY_DESIGNED, Topics.SORTSEQ_RUN_SUBMITTED),
                        Topics.TRAINER,
                                List.of(Topics.MEASUREMENTS_RECORDED, Topics.MODEL_PUBLISHED));
        consumed.forEach(
                (service, topics) -> {
                    final String metrics = stack.http().getText(stack.url(service) + "/q/metrics");
                    for (final String topic : topics) {
                        assertThat(metrics)
                                .as(service + " <- " + topic)
                                .containsPattern(
                                        "dreamloop_events_consumed_total\\{[^}]*outcome=\"dead_lettered\"[^}]*topic=\""
                                                + java.util.regex.Pattern.quote(topic)
                                                + "\"[^}]*} [1-9]");
                    }
                    assertThat(metrics)
                            .as(service)
                            .contains("dreamloop_events_published_total{")
                            .contains("kafka_consumer_fetch_manager_records_lag");
                });
        assertThat(stack.http().getText(stack.url(Topics.LAB_INGEST) + "/q/metrics"))
                .containsPattern(
                        "dreamloop_events_consumed_total\\{[^}]*outcome=\"applied\"[^}]*topic=\"dreamloop.library-designed\"[^}]*} [1-9]");
    }

    /**
     * Two designer instances share the design requests (one consumer group) and each asks for its
     * scores on a reply partition of its own: "lib-all-http" and "lib-all-kafka" are keyed to
     * design-requested partitions 2 and 0, which the range assignor gives to different members of a
     * two-member group. Both libraries must come out the same (same seed), every score request be
     * answered once, on the partition it named, and each instance design one of them.
     */
    @Test
    @Order(4)
    void aLibraryWithEverySubsetComesOverHttpAndOverKafkaScoredByThePredictor() throws Exception {
        final String designer2 =
                stack.addReplica(
                        Topics.DESIGNER,
                        2,
                        DESIGNER_2_PORT,
                        Map.of(
                                "quarkus.flyway.\"pg\".clean-at-start",
                                "false",
                                REPLY_PARTITION,
                                "1"),
                        System.out::println);
        try {
            everySubsetByTwoDesigners(designer2);
        } finally {
            stack.stop(designer2);
        }
    }

    private static void everySubsetByTwoDesigners(final String designer2) throws Exception {
        final Map<String, Double> designedBefore =
                Map.of(
                        Topics.DESIGNER,
                        librariesDesigned(Topics.DESIGNER),
                        designer2,
                        librariesDesigned(designer2));
        final Path fixture =
                Infrastructure.repositoryRoot()
                        .resolve("../shared/data/models/dream_cnn_demo.pt")
                        .normalize();
        final byte[] weights = java.nio.file.Files.readAllBytes(fixture);
        stack.http()
                .postBytes(
                        stack.url(Topics.PREDICTOR)
                                + "/models/import?version=e2e-a&architecture=dream-cnn&champion=true",
                        weights);
        stack.http()
                .postBytes(
                        stack.url(Topics.PREDICTOR)
                                + "/models/import?version=e2e-b&architecture=dream-cnn&champion=false",
                        weights);
        final Map<String, Integer> quotas = new java.util.LinkedHashMap<>();
        quotas.put("random", 20);
        quotas.put("high", 8);
        quotas.put("low", 8);
        quotas.put("challenging", 4);
        quotas.put("snv", 4);
        quotas.put("motif-perturbation", 4);
        quotas.put("motif-tiling", 6);
        quotas.put("native", 3);
        final String promoters = promoters();
        final Map<String, Object> options =
                Map.of(
                        "model", "e2e-a",
                        "challenger", "e2e-b",
                        "gaPreset", "test",
                        "nativePromoters", promoters);
        stack.http()
                .postJson(
                        stack.url(Topics.DESIGNER) + "/libraries",
                        Map.of(
                                "libraryId",
                                "lib-all-http",
                                "quotas",
                                quotas,
                                "seed",
                                3,
                                "options",
                                options));
        final io.dreamloop.contracts.event.DesignRequested overKafka =
                new io.dreamloop.contracts.event.DesignRequested(
                        io.dreamloop.contracts.event.EventTypes.header(
                                io.dreamloop.contracts.event.DesignRequested.class,
                                io.dreamloop.contracts.event.Lineage.ofLibrary("lib-all-kafka")),
                        "lib-all-kafka",
                        quotas.entrySet().stream()
                                .map(
                                        e ->
                                                new io.dreamloop.contracts.event.SubsetQuota(
                                                        io.dreamloop.contracts.sequence.Subset
                                                                .fromWireName(e.getKey()),
                                                        e.getValue()))
                                .toList(),
                        80,
                        io.dreamloop.contracts.sequence.Flanks.DREAM_2022,
                        io.dreamloop.contracts.event.LibraryConstraints.NONE,
                        3,
                        new io.dreamloop.contracts.event.DesignOptions(
                                "e2e-a", "e2e-b", "test", null, null, promoters));
        TestTopics.produce(
                stack.bootstrap(),
                Topics.DESIGN_REQUESTED,
                "lib-all-kafka",
                List.of(CODEC.encode(overKafka)));
        final List<String[]> http = members("lib-all-http");
        final List<String[]> kafka = members("lib-all-kafka");
        for (final List<String[]> library : List.of(http, kafka)) {
            final Map<String, Long> bySubset =
                    library.stream()
                            .collect(
                                    java.util.stream.Collectors.groupingBy(
                                            f -> f[1], java.util.stream.Collectors.counting()));
            assertThat(bySubset)
                    .containsEntry("random", 20L)
                    .containsEntry("high", 8L)
                    .containsEntry("low", 8L)
                    .containsEntry("challenging", 4L)
                    .containsEntry("snv", 8L)
                    .containsEntry("motif-perturbation", 8L)
                    .containsEntry("motif-tiling", 12L)
                    .containsEntry("native", 3L);
            for (final String[] f : library) {
                assertThat(f[6]).as(f[0]).contains("e2e-a=");
            }
            library.stream()
                    .filter(f -> f[1].equals("challenging"))
                    .forEach(f -> assertThat(f[6]).as(f[0]).contains("e2e-b="));
            final Map<String, Long> pairs =
                    library.stream()
                            .filter(f -> !f[2].isEmpty())
                            .collect(
                                    java.util.stream.Collectors.groupingBy(
                                            f -> f[2], java.util.stream.Collectors.counting()));
            assertThat(pairs).hasSize(4 + 4 + 6).allSatisfy((k, v) -> assertThat(v).isEqualTo(2));
        }
        assertThat(http.stream().map(f -> f[3]).toList())
                .isEqualTo(kafka.stream().map(f -> f[3]).toList());
        final ScoreTraffic traffic = ScoreTraffic.read(stack.bootstrap());
        System.out.printf(
                "two designers: score requests %d, answers %d, reply partitions asked %s,"
                        + " libraries designed since the replica started: %s %s, %s %s%n",
                traffic.requests().size(),
                traffic.answers(),
                new java.util.TreeSet<>(traffic.requests().values()),
                Topics.DESIGNER,
                librariesDesigned(Topics.DESIGNER) - designedBefore.get(Topics.DESIGNER),
                designer2,
                librariesDesigned(designer2) - designedBefore.get(designer2));
        assertThat(traffic.lost()).as("score requests without an answer").isEmpty();
        assertThat(traffic.duplicates()).as("score requests answered twice").isEmpty();
        assertThat(traffic.misrouted()).as("answers off the requests' reply partitions").isEmpty();
        assertThat(traffic.requests().values()).as("reply partitions asked").contains(0, 1);
        for (final String instance : List.of(Topics.DESIGNER, designer2)) {
            assertThat(librariesDesigned(instance) - designedBefore.get(instance))
                    .as("libraries %s designed", instance)
                    .isEqualTo(1.0);
        }
    }

    /** The libraries a designer instance designed since it started, from its metrics. */
    private static double librariesDesigned(final String instance) {
        return PrometheusCounters.sum(
                stack, instance, "dreamloop_designer_libraries_total", "designed");
    }

    /** Three real yeast promoter fragments of the DREAM test set, as FASTA. */
    private static String promoters() throws java.io.IOException {
        final List<String> rows =
                java.nio.file.Files.readAllLines(
                        Infrastructure.repositoryRoot()
                                .resolve("../shared/data/dream2022/test_subsets/yeast_seqs.csv"));
        final StringBuilder fasta = new StringBuilder();
        for (final String row : rows.subList(1, 4)) {
            final String[] f = row.split(",");
            fasta.append('>').append(f[1]).append('\n').append(f[2]).append('\n');
        }
        return fasta.toString();
    }

    private static List<String[]> members(final String libraryId) {
        final JsonNode designed =
                FoundationChain.await(
                        () ->
                                stack.http()
                                        .find(
                                                stack.url(Topics.DESIGNER)
                                                        + "/libraries/"
                                                        + libraryId),
                        Duration.ofMinutes(10));
        assertThat(designed.path("status").asText())
                .as(designed.path("failure").asText())
                .isEqualTo("designed");
        return stack.http()
                .getText(
                        stack.url(Topics.DESIGNER)
                                + "/libraries/"
                                + libraryId
                                + "/members?format=tsv")
                .lines()
                .skip(1)
                .map(l -> l.split("\t", -1))
                .toList();
    }
}
