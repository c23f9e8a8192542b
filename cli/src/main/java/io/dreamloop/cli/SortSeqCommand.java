package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.ProgressBar;
import io.dreamloop.cli.console.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dreamloop sortseq}: sort-seq runs in lab-ingest. */
@Command(
        name = "sortseq",
        description =
                "Sort-seq runs: submit read counts per bin, show a run's QC, get measurements.",
        mixinStandardHelpOptions = true,
        subcommands = {
            SortSeqCommand.Submit.class,
            SortSeqCommand.Show.class,
            SortSeqCommand.Measurements.class
        })
final class SortSeqCommand {

    /** {@code dreamloop sortseq submit}. */
    @Command(
            name = "submit",
            description =
                    "Upload a run (POST /runs): the gate table and the read counts per bin of a designed library; wait for its estimates and print the QC report.",
            mixinStandardHelpOptions = true)
    static final class Submit implements Callable<Integer> {
        @Mixin Connection services;

        @Option(names = "--run-id", required = true, description = "The run's id.")
        String runId;

        @Option(names = "--library", required = true, description = "The designed library.")
        String libraryId;

        @Option(
                names = "--gates",
                required = true,
                paramLabel = "FILE",
                description = "Gate table (TSV: bin, lower, upper, cells sorted).")
        Path gates;

        @Option(
                names = "--counts",
                required = true,
                paramLabel = "FILE",
                description = "Read counts (TSV: sequence or member id, then one column per bin).")
        Path counts;

        @Option(
                names = "--negative-controls",
                split = ",",
                description = "Member ids of the negative controls, comma-separated.")
        List<String> negativeControls = List.of();

        @Option(names = "--log10-mean", description = "Population log10 mean (with --log10-sd).")
        Double log10Mean;

        @Option(names = "--log10-sd", description = "Population log10 sd (with --log10-mean).")
        Double log10Sd;

        @Option(names = "--no-wait", description = "Return once the upload is accepted.")
        boolean noWait;

        @Option(
                names = "--await-library-minutes",
                defaultValue = "5",
                description =
                        "How long to wait for lab-ingest to hold the whole library before uploading (default ${DEFAULT-VALUE}).")
        int awaitLibraryMinutes;

        @Override
        public Integer call() throws IOException {
            final Map<String, String> fields = new LinkedHashMap<>();
            fields.put("runId", runId);
            fields.put("libraryId", libraryId);
            if (!negativeControls.isEmpty()) {
                fields.put("negativeControls", String.join(",", negativeControls));
            }
            if ((log10Mean == null) != (log10Sd == null)) {
                throw new IllegalArgumentException(
                        "give both --log10-mean and --log10-sd, or neither");
            }
            if (log10Mean != null) {
                fields.put("log10Mean", log10Mean.toString());
                fields.put("log10Sd", log10Sd.toString());
            }
            awaitLibrary();
            final JsonNode receipt =
                    services.http()
                            .postForm(
                                    services.labIngest("/runs"),
                                    fields,
                                    Map.of(
                                            "gates", file(gates),
                                            "counts", file(counts)));
            System.out.printf(
                    "run %s: %s, %,d members matched, %,d count rows matched no member%n",
                    runId,
                    receipt.path("duplicate").asBoolean() ? "already submitted" : "accepted",
                    receipt.path("members").asInt(),
                    receipt.path("unmatchedRows").asInt());
            if (noWait) {
                return 0;
            }
            final ProgressBar bar = ProgressBar.onStdout();
            final JsonNode report =
                    Poll.until(
                            "run " + runId,
                            () ->
                                    services.http()
                                            .find(
                                                    services.labIngest(
                                                            "/runs/" + Connection.encode(runId))),
                            r -> "estimated".equals(r.path("state").asText()),
                            r ->
                                    r.ifPresent(
                                            x ->
                                                    bar.update(
                                                            Double.NaN,
                                                            "run %s: %s"
                                                                    .formatted(
                                                                            runId,
                                                                            x.path("state")
                                                                                    .asText()))),
                            Duration.ofSeconds(1),
                            Duration.ofMinutes(30));
            bar.done();
            Show.print(report);
            return 0;
        }

        /**
         * A run can only be matched against a library lab-ingest holds completely; right after
         * {@code design} its chunks may still be on their way, so wait for them (briefly).
         */
        private void awaitLibrary() {
            final ProgressBar bar = ProgressBar.onStdout();
            Poll.until(
                    "the arrival of library %s at lab-ingest (is it designed? see 'dreamloop design')"
                            .formatted(libraryId),
                    () ->
                            services.http()
                                    .find(
                                            services.labIngest(
                                                    "/libraries/" + Connection.encode(libraryId))),
                    l -> l.path("complete").asBoolean(),
                    l ->
                            bar.update(
                                    l.map(
                                                    x ->
                                                            x.path("membersReceived").asDouble()
                                                                    / Math.max(
                                                                            1,
                                                                            x.path("totalMembers")
                                                                                    .asDouble()))
                                            .orElse(Double.NaN),
                                    "library %s at lab-ingest".formatted(libraryId)),
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(awaitLibraryMinutes));
            bar.done();
        }

        private static Map.Entry<String, byte[]> file(final Path path) throws IOException {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no such file: " + path);
            }
            return Map.entry(path.getFileName().toString(), Files.readAllBytes(path));
        }
    }

    /** {@code dreamloop sortseq show}. */
    @Command(name = "show", description = "A run's QC report.", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "RUN_ID", description = "The run.")
        String runId;

        @Override
        public Integer call() {
            print(services.http().getJson(services.labIngest("/runs/" + Connection.encode(runId))));
            return 0;
        }

        static void print(final JsonNode r) {
            new Table(
                            "run",
                            "library",
                            "state",
                            "members",
                            "counted",
                            "passing QC",
                            "coverage",
                            "min reads")
                    .row(
                            r.path("runId").asText(),
                            r.path("libraryId").asText(),
                            r.path("state").asText(),
                            r.path("librarySize").asLong(),
                            r.path("membersCounted").asLong(),
                            r.path("membersPassingQc").asLong(),
                            "%.3f".formatted(r.path("coverage").asDouble()),
                            r.path("minReads").asLong())
                    .print(System.out);
            for (final JsonNode w : r.path("warnings")) {
                System.out.println("warning: " + w.asText());
            }
            if (!r.path("flagged").isEmpty()) {
                System.out.printf("%d members flagged by QC%n", r.path("flagged").size());
            }
        }
    }

    /** {@code dreamloop sortseq measurements}. */
    @Command(
            name = "measurements",
            description = "A run's estimated expression per member (TSV).",
            mixinStandardHelpOptions = true)
    static final class Measurements implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "RUN_ID", description = "The run.")
        String runId;

        @Option(
                names = {"-o", "--out"},
                paramLabel = "FILE",
                description = "Write here (default stdout).")
        Path out;

        @Override
        public Integer call() throws IOException {
            final String tsv =
                    services.http()
                            .getText(
                                    services.labIngest(
                                            "/runs/%s/measurements?format=tsv"
                                                    .formatted(Connection.encode(runId))));
            if (out == null) {
                System.out.print(tsv);
            } else {
                DesignCommand.MemberFiles.write(out, tsv);
                System.out.printf("wrote %s (%,d lines)%n", out, tsv.lines().count());
            }
            return 0;
        }
    }
}
