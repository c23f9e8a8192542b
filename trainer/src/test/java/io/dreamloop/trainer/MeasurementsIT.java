package io.dreamloop.trainer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ExpressionScale;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.persistence.TrainingRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real DREAM training rows through the real broker into the trainer's dataset. */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "trainer"))
class MeasurementsIT {
    private final EventCodec codec = EventCodec.instance();
    @Inject MeasurementStore store;
    @Inject TrainerConfig config;
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    @Test
    void dreamTrainingRowsArriveOnceEachOnTheirScale() throws IOException {
        final Path demo =
                Path.of(
                        System.getProperty("dreamloop.root", "../"),
                        "..",
                        "shared",
                        "data",
                        "dream2022",
                        "demo_train.txt");
        final List<Measurement> rows = new ArrayList<>();
        for (final String line : Files.readAllLines(demo).subList(0, 1000)) {
            final String[] f = line.split("\t");
            final double value = Double.parseDouble(f[1]);
            rows.add(
                    new Measurement(
                            "demo-" + rows.size(),
                            DnaSequence.of(f[0]),
                            value,
                            0,
                            value == Math.rint(value),
                            // Every 10th row as lab-ingest flags a member with few sorted reads.
                            rows.size() % 10 == 0
                                    ? List.of("low-reads", "at-bound")
                                    : rows.size() % 10 == 1 ? List.of("at-bound") : null));
        }
        final MeasurementsRecorded first = event("run-demo", rows.subList(0, 600), new Chunk(0, 2));
        final MeasurementsRecorded second =
                event("run-demo", rows.subList(600, 1000), new Chunk(1, 2));
        final MeasurementsRecorded resent =
                event("run-demo", rows.subList(600, 1000), new Chunk(1, 2));
        TestTopics.produce(
                bootstrap,
                Topics.MEASUREMENTS_RECORDED,
                "run-demo",
                List.of(
                        codec.encode(first),
                        codec.encode(second),
                        codec.encode(first),
                        codec.encode(resent),
                        "{\"header\":{\"type\":\"measurements-recorded\",\"schemaVersion\":1}}"
                                .getBytes(StandardCharsets.UTF_8)));
        final var letters =
                TestTopics.readUntil(
                        bootstrap,
                        Topics.DEAD_LETTER,
                        r ->
                                "run-demo"
                                        .equals(
                                                codec.decode(r.value(), DeadLetter.class)
                                                        .sourceKey()),
                        Duration.ofSeconds(60));
        assertThat(codec.decode(letters.getLast().value(), DeadLetter.class).reason())
                .startsWith(
                        "malformed: invalid measurements-recorded: required field 'header.eventId' is missing");
        final JsonPath slices = given().get("/dataset").then().statusCode(200).extract().jsonPath();
        assertThat(slices.getList("$")).hasSize(1);
        assertThat(slices.getString("[0].scale")).isEqualTo("bin-index");
        assertThat(slices.getString("[0].method")).isEqualTo("bin-weighted-mean");
        assertThat(slices.getLong("[0].measurements")).isEqualTo(1000);
        assertThat(slices.getLong("[0].runs")).isEqualTo(1);
        // The trainer does not train on flagged rows (dataset.exclude-flags, default low-reads).
        assertThat(config.dataset().excludedFlags()).containsExactly("low-reads");
        final List<TrainingRow> trained = trainingRows(config.dataset().excludedFlags());
        assertThat(trained).hasSize(900).noneMatch(r -> r.id().endsWith("/demo-10"));
        assertThat(trained).anyMatch(r -> r.id().endsWith("/demo-11"));
        assertThat(
                        QuarkusTransaction.requiringNew()
                                .call(
                                        () ->
                                                store.flaggedCount(
                                                        "bin-index",
                                                        "bin-weighted-mean",
                                                        null,
                                                        Set.of("low-reads"))))
                .isEqualTo(100);
        assertThat(trainingRows(Set.of())).hasSize(1000);
    }

    private List<TrainingRow> trainingRows(final Set<String> excluded) {
        return QuarkusTransaction.requiringNew()
                .call(() -> store.trainingRows("bin-index", "bin-weighted-mean", null, excluded));
    }

    private static MeasurementsRecorded event(
            final String run, final List<Measurement> rows, final Chunk chunk) {
        return new MeasurementsRecorded(
                EventTypes.header(
                        MeasurementsRecorded.class, Lineage.ofLibrary("dream-demo").withRun(run)),
                run,
                "dream-demo",
                "bin-weighted-mean",
                ExpressionScale.BIN_INDEX,
                chunk,
                rows);
    }
}
