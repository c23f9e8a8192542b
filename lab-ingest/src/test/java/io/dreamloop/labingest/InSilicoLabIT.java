package io.dreamloop.labingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.motif.TransfacMotifs;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.evaluation.Correlations;
import io.dreamloop.labingest.insilico.OccupancyModel;
import io.dreamloop.labingest.service.InSilicoLab;
import io.dreamloop.platform.trace.TracedEvents;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loop closes without a wet lab: a library arrives, the in-silico lab sorts and sequences it,
 * lab-ingest estimates it, and measurements-recorded carries values that track the ground truth.
 */
@QuarkusTest
@TestProfile(InSilicoLabIT.Enabled.class)
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "lab-ingest"))
class InSilicoLabIT {
    static final Path MOTIFS =
            Path.of(
                    System.getProperty("dreamloop.root", ".."),
                    "..",
                    "shared",
                    "data",
                    "jaspar",
                    "derived_yeast_selected_TFs_transfac.txt");

    /** The in-silico lab switched on. */
    public static final class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dreamloop.lab-ingest.insilico.enabled",
                    "true",
                    "dreamloop.lab-ingest.insilico.motifs",
                    MOTIFS.toString());
        }
    }

    @Test
    void aLibraryIsMeasuredByTheInSilicoLabAndTheEstimatesTrackTheGroundTruth() {
        final EventCodec codec = EventCodec.instance();
        final String bootstrap = Infrastructure.get().kafkaBootstrap();
        final int n = 300;
        final LibraryDesigned library =
                LibraryDesignedConsumerIT.library("lib-lab", 77, n, 2).get(0);
        // The library arrives in a trace; the lab's sort and the estimates continue it.
        final String trace = "it-lab-trace";
        final List<LibraryDesigned> chunks =
                LibraryDesignedConsumerIT.library("lib-lab", 77, n, 2).stream()
                        .map(c -> TracedEvents.withTraceId(c, trace))
                        .toList();
        TestTopics.produce(
                bootstrap,
                Topics.LIBRARY_DESIGNED,
                "lib-lab",
                chunks.stream().map(codec::encode).toList());
        final String run = InSilicoLab.runId("lib-lab");
        final Map<String, Double> maude = new HashMap<>();
        final Map<String, Double> carried = new HashMap<>();
        final java.util.Set<String> traces = new java.util.HashSet<>();
        TestTopics.readUntil(
                bootstrap,
                Topics.MEASUREMENTS_RECORDED,
                r -> {
                    final MeasurementsRecorded m =
                            codec.decode(r.value(), MeasurementsRecorded.class);
                    if (m.runId().equals(run) && m.method().equals("maude")) {
                        m.measurements().forEach(x -> maude.put(x.memberId(), x.value()));
                        m.measurements().forEach(x -> carried.put(x.memberId(), x.truth()));
                        traces.add(m.header().traceId());
                    }
                    return maude.size() == n;
                },
                Duration.ofSeconds(120));
        assertThat(traces).containsExactly(trace);
        assertThat(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.SORTSEQ_RUN_SUBMITTED,
                                        r -> r.value().contains(run),
                                        Duration.ofSeconds(30))
                                .stream()
                                .map(r -> codec.decode(r.value(), SortSeqRunSubmitted.class))
                                .filter(e -> e.runId().equals(run))
                                .map(e -> e.header().traceId()))
                .containsOnly(trace);
        final OccupancyModel truth =
                new OccupancyModel(
                        OccupancyModel.Parameters.yeastDefaults(TransfacMotifs.parse(MOTIFS)));
        final double[] t = new double[n];
        final double[] m = new double[n];
        final double[] c = new double[n];
        int i = 0;
        for (final LibraryDesigned chunk : chunks) {
            for (final var member : chunk.members()) {
                t[i] = truth.expression(chunk.flanks().wrap(member.variable()));
                m[i] = maude.get(member.id());
                c[i] = carried.get(member.id());
                i++;
            }
        }
        assertThat(Correlations.pearson(m, t).value()).isGreaterThan(0.8);
        // Each measurement carries the truth it was simulated from: the same values on the
        // library's z scale (mean 0, sd 1), an affine map of the occupancy model's.
        assertThat(Correlations.pearson(c, t).value()).isCloseTo(1, within(1e-9));
        assertThat(Arrays.stream(c).average().orElseThrow()).isCloseTo(0, within(1e-9));
    }
}
