package io.dreamloop.labingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.evaluation.Correlations;
import io.dreamloop.labingest.estimation.SortGates;
import io.dreamloop.labingest.insilico.SimulatedRun;
import io.dreamloop.labingest.insilico.SortSeqSimulator;
import io.dreamloop.labingest.service.RunIngest;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.Metrics;
import io.dreamloop.testing.TestTopics;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulated run uploaded over HTTP as a lab would (gate table with cells, count table keyed by
 * measured sequence): stored, estimated with MAUDE relative to named controls and with the
 * bin-weighted mean, published, reported; and every kind of bad upload refused with the row and
 * column, leaving nothing stored.
 */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "lab-ingest"))
class RunUploadIT {
    private static final int N = 300;
    private static final String BINS4 = "bin\tstart_quantile\tend_quantile\tcells\n";

    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();
    private static LibraryDesigned library;

    /** Sends the library once; RestAssured knows the test port only inside a test. */
    @BeforeEach
    void library() {
        if (library != null) {
            return;
        }
        library = LibraryDesignedConsumerIT.library("lib-up", 41, N, 1).get(0);
        TestTopics.produce(
                Infrastructure.get().kafkaBootstrap(),
                Topics.LIBRARY_DESIGNED,
                "lib-up",
                List.of(EventCodec.instance().encode(library)));
        LibraryDesignedConsumerIT.awaitComplete("lib-up");
    }

    @Test
    void anUploadedRunBecomesMeasurementsEventsAndAReport() {
        final SplittableRandom random = new SplittableRandom(9);
        final double[] truth = new double[N];
        for (int i = 0; i < N; i++) {
            truth[i] = random.nextGaussian();
        }
        final SortGates gates = SortGates.contiguous(18, SortGates.DEFAULT_TAIL_P);
        final SimulatedRun run =
                new SortSeqSimulator(
                                gates,
                                new SortSeqSimulator.Settings(
                                        200, SortSeqSimulator.CellCounts.POISSON, 10, 10))
                        .simulate(truth, random);
        final List<SequenceCounts> rows =
                run.sequenceCounts(library.members().stream().map(LibraryMember::id).toList());
        final StringBuilder gateTable = new StringBuilder("Bin\tbinStartQ\tbinEndQ\tcells\n");
        for (int b = 0; b < gates.size(); b++) {
            final SortGates.Bin bin = gates.bins().get(b);
            gateTable.append(
                    "%s\t%s\t%s\t%d\n"
                            .formatted(
                                    bin.name(),
                                    bin.startQuantile(),
                                    bin.endQuantile(),
                                    run.cellsPerBin().get(b)));
        }
        // Keyed by the measured sequence, as read mapping gives it: variable regions for half,
        // full oligos for the rest, and three reads-only sequences that are in no member.
        final StringBuilder counts = new StringBuilder("sequence\tunsorted");
        gates.bins().forEach(b -> counts.append('\t').append(b.name()));
        counts.append('\n');
        for (int i = 0; i < N; i++) {
            final LibraryMember m = library.members().get(i);
            counts.append(
                    i % 2 == 0
                            ? m.variable().bases()
                            : library.flanks().wrap(m.variable()).bases());
            appendCounts(counts, rows.get(i));
        }
        for (int i = 0; i < 3; i++) {
            counts.append("ACGT".repeat(20 + i)).append("\t5");
            counts.append("\t1".repeat(gates.size())).append('\n');
        }
        final String controls = "m0,m1,m2,m3,m4,m5,m6,m7,m8,m9";

        final double estimatedRuns =
                Metrics.scrape("dreamloop_lab_runs_total", "outcome=estimated");
        final double rejectedRuns = Metrics.scrape("dreamloop_lab_runs_total", "outcome=rejected");
        final double byMaude =
                Metrics.scrape("dreamloop_lab_members_estimated_total", "method=maude");
        final double byMean =
                Metrics.scrape("dreamloop_lab_members_estimated_total", "method=bin-weighted-mean");
        final double flagged = Metrics.scrape("dreamloop_lab_qc_flags_total", "method=maude");
        final String trace = "it-upload-trace";
        final JsonPath receipt =
                upload("run-up", "lib-up", gateTable.toString(), counts.toString(), controls, trace)
                        .then()
                        .statusCode(201)
                        .header("X-Trace-Id", trace)
                        .extract()
                        .jsonPath();
        assertThat(receipt.getBoolean("duplicate")).isFalse();
        assertThat(receipt.getBoolean("estimated")).isTrue();
        assertThat(receipt.getInt("members")).isEqualTo(N);
        assertThat(receipt.getInt("unmatchedRows")).isEqualTo(3);

        final Map<String, Double> maude = new HashMap<>();
        final java.util.Set<String> traces = new java.util.HashSet<>();
        final long[] flags = {0};
        TestTopics.readUntil(
                bootstrap,
                Topics.MEASUREMENTS_RECORDED,
                r -> {
                    final MeasurementsRecorded m =
                            codec.decode(r.value(), MeasurementsRecorded.class);
                    if (m.runId().equals("run-up") && m.method().equals("maude")) {
                        m.measurements().forEach(x -> maude.put(x.memberId(), x.value()));
                        traces.add(m.header().traceId());
                        m.measurements().forEach(x -> flags[0] += x.qcFlags().size());
                    }
                    return maude.size() == N;
                },
                Duration.ofSeconds(60));
        final double[] estimated = new double[N];
        for (int i = 0; i < N; i++) {
            estimated[i] = maude.get("m" + i);
        }
        assertThat(Correlations.pearson(estimated, truth).value()).isGreaterThan(0.95);
        // The upload's trace is in every measurements event it produced.
        assertThat(traces).containsExactly(trace);
        assertThat(Metrics.scrape("dreamloop_lab_runs_total", "outcome=estimated"))
                .isEqualTo(estimatedRuns + 1);
        assertThat(Metrics.scrape("dreamloop_lab_members_estimated_total", "method=maude"))
                .isEqualTo(byMaude + N);
        assertThat(
                        Metrics.scrape(
                                "dreamloop_lab_members_estimated_total",
                                "method=bin-weighted-mean"))
                .isEqualTo(byMean + N);
        assertThat(Metrics.scrape("dreamloop_lab_qc_flags_total", "method=maude"))
                .isEqualTo(flagged + flags[0]);

        final JsonPath report =
                given().get("/runs/run-up").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("state")).isEqualTo("estimated");
        assertThat(report.getLong("librarySize")).isEqualTo(N);
        assertThat(report.getLong("membersCounted")).isEqualTo(N);
        assertThat(report.getDouble("coverage")).isGreaterThan(0.9);
        assertThat(report.getList("bins")).hasSize(18);
        assertThat(report.getLong("unmatched.rows")).isEqualTo(3);
        assertThat(report.getList("unmatched.examples", String.class).getFirst())
                .startsWith("line %d: ACGT".formatted(N + 2));
        assertThat(report.getLong("methods.maude.estimates")).isEqualTo(N);
        assertThat(report.getLong("methods.'bin-weighted-mean'.estimates")).isEqualTo(N);
        assertThat(report.getList("negativeControls")).hasSize(10);
        assertThat(report.getLong("sortedReadsPerMember.count")).isEqualTo(N);

        final String tsv =
                given().queryParam("method", "maude")
                        .queryParam("format", "tsv")
                        .get("/runs/run-up/measurements")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        final List<String> lines = tsv.lines().toList();
        assertThat(lines).hasSize(N + 1);
        assertThat(lines.getFirst()).endsWith("log_likelihood\tz\tll_ratio");
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split("\t", -1);
            assertThat(Double.parseDouble(f[4])).as("cells of %s", f[0]).isGreaterThan(50);
            assertThat(f[7]).as("log-likelihood of %s", f[0]).isNotEmpty();
            assertThat(f[8]).as("Z of %s", f[0]).isNotEmpty();
            assertThat(Double.parseDouble(f[9])).as("ll ratio of %s", f[0]).isGreaterThan(-1e-6);
        }

        upload("run-up", "lib-up", gateTable.toString(), counts.toString(), controls)
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(true));
        assertThat(
                        given().get("/libraries/runs/run-up/measurements")
                                .then()
                                .extract()
                                .jsonPath()
                                .getMap("$"))
                .containsEntry("maude", N)
                .containsEntry("bin-weighted-mean", N);
        upload(
                        "run-up",
                        "lib-up",
                        gateTable.toString(),
                        withoutLastRow(counts.toString()),
                        controls)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(409)
                .body("message", containsString("already received with different content"));
        assertThat(Metrics.scrape("dreamloop_lab_runs_total", "outcome=rejected"))
                .isEqualTo(rejectedRuns + 1);
    }

    @Test
    void badUploadsNameTheRowAndColumnAndStoreNothing() {
        final String gates =
                BINS4
                        + "a\t0.001\t0.25\t10\nb\t0.25\t0.5\t10\nc\t0.5\t0.75\t10\nd\t0.75\t0.999\t10\n";
        final String header = "member_id\tunsorted\ta\tb\tc\td\n";
        rejected("bad-negative", gates, header + "m0\t5\t1\t2\t3\t4\nm1\t5\t1\t-4\t3\t4\n", 400)
                .body("details", hasItem("line 3, column b: negative count -4"));
        rejected("bad-duplicate", gates, header + "m0\t5\t1\t2\t3\t4\nm0\t5\t1\t2\t3\t4\n", 400)
                .body(
                        "details",
                        hasItem("line 3, column member_id: 'm0' appears twice, on lines 2 and 3"));
        rejected("bad-text", gates, header + "m0\t5\t1\ttwo\t3\t4\n", 400)
                .body("details", hasItem("line 2, column b: 'two' is not a whole number of reads"));
        rejected("bad-bins", gates, "member_id\tunsorted\ta\tb\tc\nm0\t5\t1\t2\t3\n", 400)
                .body(
                        "message",
                        containsString(
                                "line 1: header is [member_id, unsorted, a, b, c] but the run's 4 gates need"));
        rejected("bad-truncated", gates, header + "m0\t5\t1\t2\t3\t4\nm1\t5\t1\n", 400)
                .body("message", containsString("line 3: 3 columns, expected 6"))
                .body("message", containsString("truncated"));
        rejected("bad-member", gates, header + "m0\t5\t1\t2\t3\t4\nzz9\t5\t1\t2\t3\t4\n", 400)
                .body(
                        "details",
                        hasItem(
                                "line 3, column member_id: 'zz9' is not a member of library 'lib-up'"));
        rejected("bad-gates", BINS4 + "a\t0.001\tlots\t10\n", header + "m0\t5\t1\t2\t3\t4\n", 400)
                .body(
                        "details",
                        hasItem("gate table line 2, column end_quantile: 'lots' is not a number"));
        upload("bad-library", "lib-nowhere", gates, header + "m0\t5\t1\t2\t3\t4\n", null)
                .then()
                .statusCode(404)
                .body("message", containsString("unknown library 'lib-nowhere'"));
        given().get("/runs/bad-library").then().statusCode(404);
    }

    @Test
    void gatesOutOfOrderAreRefusedBeforeAnythingIsStoredAndTheFixedTableIsAccepted() {
        final String counts = "member_id\tunsorted\ta\tb\tc\td\n" + fourBinRows(0, 40);
        // Each row is a gate, but b lies inside a: estimation would refuse the order.
        rejected(
                        "run-nested",
                        BINS4
                                + "a\t0.001\t0.9\t10\nb\t0.2\t0.3\t10\nc\t0.5\t0.75\t10\nd\t0.75\t0.999\t10\n",
                        counts,
                        400)
                .body("message", containsString("gate table: bins must be in increasing order"));
        // Nothing was stored, so the fixed table is a new run, estimated at once.
        upload("run-nested", "lib-up", FOUR_GATES, counts, null)
                .then()
                .statusCode(201)
                .body("estimated", equalTo(true));
        given().get("/runs/run-nested").then().statusCode(200).body("state", equalTo("estimated"));
    }

    @Test
    void formatsLabsSendAreAccepted() throws IOException {
        // Excel's byte-order mark, MAUDE's NS column last, a control column, gzip-compressed.
        final StringBuilder table = new StringBuilder("\uFEFFmember_id,control,a,b,c,d,NS\r\n");
        for (int i = 0; i < 40; i++) {
            table.append(
                    "m%d,%s,%d,%d,%d,%d,%d\r\n"
                            .formatted(i, i < 3 ? "yes" : "", 1 + i % 5, 2, 3, 4 + i % 3, 50));
        }
        // More negative controls than Vert.x's 2-KiB form default held: the field is padded, and a
        // controls file names more.
        final String field = "m3," + " ".repeat(3_000) + "m4";
        final JsonPath receipt =
                withFourGates("run-formats", "counts.csv.gz", gzip(table.toString()))
                        .multiPart("negativeControls", field)
                        .multiPart(
                                "controls",
                                "controls.txt",
                                "m5\nm6\n".getBytes(StandardCharsets.UTF_8),
                                "text/plain")
                        .post("/runs")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertThat(receipt.getBoolean("estimated")).isTrue();
        assertThat(receipt.getInt("members")).isEqualTo(40);
        assertThat(
                        given().get("/runs/run-formats")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("negativeControls", String.class))
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
        withFourGates("run-bad-gzip", "counts.tsv.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2})
                .post("/runs")
                .then()
                .statusCode(400)
                .body("message", containsString("starts like gzip but is not valid gzip"));
        given().get("/runs/run-bad-gzip").then().statusCode(404);
    }

    @Test
    void membersWithoutAnySortedReadGetNoEstimate() {
        final String counts =
                "member_id\tunsorted\ta\tb\tc\td\n" + fourBinRows(0, 30) + "m30\t40\t0\t0\t0\t0\n";
        upload("run-zero", "lib-up", FOUR_GATES, counts, null).then().statusCode(201);
        final JsonPath report =
                given().get("/runs/run-zero").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("membersCounted")).isEqualTo(31);
        assertThat(report.getInt("membersWithoutReads")).isEqualTo(1);
        assertThat(report.getList("warnings", String.class))
                .contains("1 counted members have no read in any bin: they have no estimate");
        final List<String> measured =
                given().get("/runs/run-zero/measurements")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("memberId", String.class);
        assertThat(measured).hasSize(2 * 30).doesNotContain("m30");
        // A table with no sorted read at all is refused whole.
        rejected(
                        "run-all-zero",
                        FOUR_GATES,
                        "member_id\tunsorted\ta\tb\tc\td\nm1\t4\t0\t0\t0\t0\n",
                        400)
                .body("message", startsWith("no member has a read in any bin"));
    }

    @Test
    void theProblemsOfAnUploadToTheWrongLibraryAreCappedAndCounted() {
        final StringBuilder counts = new StringBuilder("member_id\tunsorted\ta\tb\tc\td\n");
        for (int i = 0; i < 120; i++) {
            counts.append("other-%d\t5\t1\t2\t3\t4\n".formatted(i));
        }
        rejected("run-wrong-library", FOUR_GATES, counts.toString(), 400)
                .body(
                        "message",
                        startsWith("120 problems, first: line 2, column member_id: 'other-0'"))
                .body("details.size()", equalTo(51))
                .body("details[50]", equalTo("... and 70 more problems"));
    }

    @Test
    void aRunWhoseEstimationFailsIsMarkedFailedAndCanBeReplaced() {
        final RunIngest real = ClientProxy.unwrap(Arc.container().instance(RunIngest.class).get());
        QuarkusMock.installMockForType(new FailingOnce(real), RunIngest.class);
        final String counts = "member_id\tunsorted\ta\tb\tc\td\n" + fourBinRows(0, 20);
        final JsonPath receipt =
                upload("run-fails", "lib-up", FOUR_GATES, counts, null)
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertThat(receipt.getBoolean("estimated")).isFalse();
        assertThat(receipt.getString("failure"))
                .isEqualTo("estimation failed: IllegalStateException: injected");
        given().get("/runs/run-fails")
                .then()
                .statusCode(200)
                .body("state", equalTo("failed"))
                .body("failure", equalTo("estimation failed: IllegalStateException: injected"))
                .body("membersCounted", equalTo(20));
        // The same run id again replaces the failed run, this time estimated.
        final String fixed = counts + fourBinRows(20, 25);
        upload("run-fails", "lib-up", FOUR_GATES, fixed, null)
                .then()
                .statusCode(201)
                .body("estimated", equalTo(true))
                .body("members", equalTo(25));
        given().get("/runs/run-fails")
                .then()
                .body("state", equalTo("estimated"))
                .body("failure", nullValue())
                .body("membersCounted", equalTo(25));
    }

    /** Fails the first estimation, then estimates as the service does. */
    static final class FailingOnce extends RunIngest {
        private final RunIngest real;
        private boolean failed;

        FailingOnce(final RunIngest real) {
            super(null, null, null, null);
            this.real = real;
        }

        @Override
        public boolean estimateIfComplete(
                final String runId, final io.dreamloop.contracts.event.Lineage lineage) {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("injected");
            }
            return real.estimateIfComplete(runId, lineage);
        }
    }

    private static final String FOUR_GATES =
            BINS4 + "a\t0.001\t0.25\t10\nb\t0.25\t0.5\t10\nc\t0.5\t0.75\t10\nd\t0.75\t0.999\t10\n";

    /** Rows of members m{from}..m{to - 1} with reads in every bin. */
    private static String fourBinRows(final int from, final int to) {
        final StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append("m%d\t50\t%d\t2\t3\t%d\n".formatted(i, 1 + i % 5, 4 + i % 3));
        }
        return out.toString();
    }

    /** An upload to lib-up with {@link #FOUR_GATES} and a counts file given as bytes. */
    private static RequestSpecification withFourGates(
            final String runId, final String countsName, final byte[] counts) {
        return given().multiPart("runId", runId)
                .multiPart("libraryId", "lib-up")
                .multiPart(
                        "gates",
                        "gates.tsv",
                        FOUR_GATES.getBytes(StandardCharsets.UTF_8),
                        "text/tab-separated-values")
                .multiPart("counts", countsName, counts, "application/gzip");
    }

    private static byte[] gzip(final String text) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private io.restassured.response.ValidatableResponse rejected(
            final String runId, final String gates, final String counts, final int status) {
        final io.restassured.response.ValidatableResponse response =
                upload(runId, "lib-up", gates, counts, null).then().statusCode(status);
        given().get("/runs/" + runId).then().statusCode(404);
        return response;
    }

    private static io.restassured.response.Response upload(
            final String runId,
            final String libraryId,
            final String gates,
            final String counts,
            final String controls) {
        return upload(runId, libraryId, gates, counts, controls, null);
    }

    private static io.restassured.response.Response upload(
            final String runId,
            final String libraryId,
            final String gates,
            final String counts,
            final String controls,
            final String traceId) {
        RequestSpecification request =
                given().multiPart("runId", runId)
                        .multiPart("libraryId", libraryId)
                        .multiPart(
                                "gates",
                                "gates.tsv",
                                gates.getBytes(StandardCharsets.UTF_8),
                                "text/tab-separated-values")
                        .multiPart(
                                "counts",
                                "counts.tsv",
                                counts.getBytes(StandardCharsets.UTF_8),
                                "text/tab-separated-values");
        if (controls != null) {
            request = request.multiPart("negativeControls", controls);
        }
        if (traceId != null) {
            request = request.header("X-Trace-Id", traceId);
        }
        return request.post("/runs");
    }

    private static String withoutLastRow(final String table) {
        return table.substring(0, table.lastIndexOf('\n', table.length() - 2) + 1);
    }

    private static void appendCounts(final StringBuilder out, final SequenceCounts c) {
        out.append('\t').append(c.unsortedReads());
        c.binReads().forEach(r -> out.append('\t').append(r));
        out.append('\n');
    }
}
