package io.dreamloop.labingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.evaluation.Correlations;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.insilico.SimulatedRun;
import io.dreamloop.labingest.insilico.SortSeqSimulator;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A simulated sort-seq run arriving as events on the real broker: stored as received, estimated
 * once complete, published as measurements-recorded; bad runs are dead-lettered with the reason.
 */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "lab-ingest"))
class SortSeqRunIT {
    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    @Test
    void aCompleteRunBecomesMeasurementsThatTrackTheTruth() {
        final int n = 400;
        final LibraryDesigned library =
                LibraryDesignedConsumerIT.library("lib-run", 21, n, 1).get(0);
        TestTopics.produce(
                bootstrap, Topics.LIBRARY_DESIGNED, "lib-run", List.of(codec.encode(library)));
        LibraryDesignedConsumerIT.awaitComplete("lib-run");

        final SplittableRandom random = new SplittableRandom(5);
        final double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = Math.max(-2.5, Math.min(2.5, random.nextGaussian() * 0.8));
        }
        final SortGates gates = SortGates.contiguous(18, SortGates.DEFAULT_TAIL_P);
        final SimulatedRun run =
                new SortSeqSimulator(
                                gates,
                                new SortSeqSimulator.Settings(
                                        200, SortSeqSimulator.CellCounts.POISSON, 10, 10))
                        .simulate(truth, random);
        final List<SequenceCounts> rows =
                run.sequenceCounts(library.members().stream().map(m -> m.id()).toList());
        final List<Long> cells = run.cellsPerBin();
        final SortSeqRunSubmitted first =
                chunk("run-1", "lib-run", gates, cells, new Chunk(0, 2), rows.subList(0, 200));
        final SortSeqRunSubmitted second =
                chunk("run-1", "lib-run", gates, cells, new Chunk(1, 2), rows.subList(200, n));
        TestTopics.produce(
                bootstrap,
                Topics.SORTSEQ_RUN_SUBMITTED,
                "run-1",
                List.of(codec.encode(first), codec.encode(first), codec.encode(second)));

        final Map<String, Map<String, Double>> byMethod = new HashMap<>();
        TestTopics.readUntil(
                bootstrap,
                Topics.MEASUREMENTS_RECORDED,
                r -> {
                    final MeasurementsRecorded m =
                            codec.decode(r.value(), MeasurementsRecorded.class);
                    m.measurements()
                            .forEach(
                                    x ->
                                            byMethod.computeIfAbsent(
                                                            m.method(), k -> new HashMap<>())
                                                    .put(x.memberId(), x.value()));
                    return byMethod.getOrDefault("maude", Map.of()).size() == n
                            && byMethod.getOrDefault("bin-weighted-mean", Map.of()).size() == n;
                },
                Duration.ofSeconds(120));
        final double[] maude = new double[n];
        for (int i = 0; i < n; i++) {
            maude[i] = byMethod.get("maude").get(library.members().get(i).id());
        }
        assertThat(Correlations.pearson(maude, truth).value()).isGreaterThan(0.9);
        final Map<String, Object> stored =
                given().get("/libraries/runs/run-1/measurements")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("$");
        assertThat(stored).containsEntry("maude", n).containsEntry("bin-weighted-mean", n);
    }

    @Test
    void runsForUnknownLibrariesOrMembersAreDeadLettered() {
        final SortGates gates = SortGates.contiguous(4, SortGates.DEFAULT_TAIL_P);
        final List<Long> cells = List.of(10L, 10L, 10L, 10L);
        TestTopics.produce(
                bootstrap,
                Topics.SORTSEQ_RUN_SUBMITTED,
                "run-orphan",
                List.of(
                        codec.encode(
                                chunk(
                                        "run-orphan",
                                        "lib-nowhere",
                                        gates,
                                        cells,
                                        Chunk.SINGLE,
                                        List.of(
                                                new SequenceCounts(
                                                        "m0", 5, List.of(1L, 2L, 3L, 4L)))))));
        assertThat(awaitDeadLetter("run-orphan").reason())
                .isEqualTo("rejected: run run-orphan names unknown library 'lib-nowhere'");

        final LibraryDesigned library =
                LibraryDesignedConsumerIT.library("lib-small", 3, 5, 1).get(0);
        TestTopics.produce(
                bootstrap, Topics.LIBRARY_DESIGNED, "lib-small", List.of(codec.encode(library)));
        LibraryDesignedConsumerIT.awaitComplete("lib-small");
        TestTopics.produce(
                bootstrap,
                Topics.SORTSEQ_RUN_SUBMITTED,
                "run-strangers",
                List.of(
                        codec.encode(
                                chunk(
                                        "run-strangers",
                                        "lib-small",
                                        gates,
                                        cells,
                                        Chunk.SINGLE,
                                        List.of(
                                                new SequenceCounts(
                                                        "m0", 5, List.of(1L, 2L, 3L, 4L)),
                                                new SequenceCounts(
                                                        "x9", 5, List.of(1L, 2L, 3L, 4L)))))));
        assertThat(awaitDeadLetter("run-strangers").reason())
                .isEqualTo(
                        "rejected: run run-strangers counts members that are not in library 'lib-small': [x9]");
    }

    private static SortSeqRunSubmitted chunk(
            final String runId,
            final String libraryId,
            final SortGates gates,
            final List<Long> cells,
            final Chunk chunk,
            final List<SequenceCounts> rows) {
        return new SortSeqRunSubmitted(
                EventTypes.header(
                        SortSeqRunSubmitted.class, Lineage.ofLibrary(libraryId).withRun(runId)),
                runId,
                libraryId,
                gates.toBinGates(),
                cells,
                chunk,
                rows,
                List.of());
    }

    private DeadLetter awaitDeadLetter(final String key) {
        return codec.decode(
                TestTopics.readUntil(
                                bootstrap,
                                Topics.DEAD_LETTER,
                                r ->
                                        key.equals(
                                                codec.decode(r.value(), DeadLetter.class)
                                                        .sourceKey()),
                                Duration.ofSeconds(60))
                        .getLast()
                        .value(),
                DeadLetter.class);
    }
}
