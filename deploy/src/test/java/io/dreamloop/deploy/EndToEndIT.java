package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.JdbcSettings;
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
                            final JdbcSettings db =
                                    infrastructure.database(
                                            "dreamloop_" + spec.name().replace('-', '_') + "_e2e");
                            return Map.of(
                                    "quarkus.datasource.\"pg\".jdbc.url", db.url(),
                                    "quarkus.datasource.\"pg\".username", db.user(),
                                    "quarkus.datasource.\"pg\".password", db.password(),
                                    "quarkus.flyway.\"pg\".clean-disabled", "false",
                                    "quarkus.flyway.\"pg\".clean-at-start", "true");
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

    private static boolean lastChunk(final ConsumerRecord<String, String> r) {
        final var event =
                CODEC.decode(r.value(), io.dreamloop.contracts.event.LibraryDesigned.class);
        return event.chunk().isLast();
    }
}
