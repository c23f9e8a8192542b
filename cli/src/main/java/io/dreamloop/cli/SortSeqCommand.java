package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.ProgressBar;
import io.dreamloop.cli.console.Table;
import java.io.IOException;
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
            footer = {
                "",
                "Both tables are CSV or TSV (told by the header line), plain or gzip-compressed (.gz); a",
                "byte-order mark (Excel's CSV export) is ignored; blank lines and lines starting with # are skipped.",
                "Gate table: one row per bin in increasing order, columns bin, cells (cells sorted into the bin),",
                "  and either start_quantile, end_quantile (MAUDE's binStartQ, binEndQ) or start_fluorescence,",
                "  end_fluorescence (linear, 'inf' for an open top gate; needs --log10-mean and --log10-sd).",
                "Count table: first column member_id (or sequence: the measured variable region or oligo),",
                "  a column of unsorted reads named unsorted, NS or unsorted_reads anywhere, one column per bin named",
                "  as in the gate table and in its order, and optionally a control column (yes/1/true marks a",
                "  negative control). Counts are whole numbers >= 0.",
                "Examples to copy: docs/examples/sortseq/ (gates.tsv, counts.tsv, controls.txt).",
                "An upload is checked whole before anything is stored: every problem is listed with its line and",
                "column (the first 50, and how many more)."
            },
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
                description =
                        "Gate table: bin, start_quantile, end_quantile (or binStartQ/binEndQ, or start_fluorescence/end_fluorescence), cells.")
        Path gates;

        @Option(
                names = "--counts",
                required = true,
                paramLabel = "FILE",
                description =
                        "Read counts: member_id or sequence, unsorted (or NS, unsorted_reads), one column per bin, optionally control.")
        Path counts;

        @Option(
                names = "--negative-controls-file",
                paramLabel = "FILE",
                description =
                        "Member ids of the negative controls, one per line (for lists too long for the option).")
        Path negativeControlsFile;

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
            final Map<String, String> fields = fields();
            awaitLibrary();
            final JsonNode receipt =
                    services.http().postForm(services.labIngest("/runs"), fields, files());
            System.out.printf(
                    "run %s: %s, %,d members matched, %,d count rows matched no member%n",
                    runId,
                    receipt.path("duplicate").asBoolean() ? "already submitted" : "accepted",
                    receipt.path("members").asInt(),
                    receipt.path("unmatchedRows").asInt());
            if (receipt.hasNonNull("failure")) {
                System.err.printf(
                        "run %s: stored, but %s; upload it again under the same id to replace it%n",
                        runId, receipt.path("failure").asText());
                return 1;
            }
            if (noWait) {
                return 0;
            }
            final JsonNode report = awaitReport();
            Show.print(report);
            return "failed".equals(report.path("state").asText()) ? 1 : 0;
        }

        /**
         * The upload's form fields.
         *
         * @throws IllegalArgumentException when only one of --log10-mean and --log10-sd is given
         */
        private Map<String, String> fields() {
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
            return fields;
        }

        /** Polls the run, with a progress line, until lab-ingest has received all of it. */
        private JsonNode awaitReport() {
            final ProgressBar bar = ProgressBar.onStdout();
            final JsonNode report =
                    Poll.until(
                            "run " + runId,
                            () ->
                                    services.http()
                                            .find(
                                                    services.labIngest(
                                                            "/runs/" + Connection.encode(runId))),
                            r -> !"receiving".equals(r.path("state").asText()),
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
            return report;
        }

        private Map<String, Map.Entry<String, byte[]>> files() {
            final Map<String, Map.Entry<String, byte[]>> out = new LinkedHashMap<>();
            out.put("gates", file(gates, "--gates"));
            out.put("counts", file(counts, "--counts"));
            if (negativeControlsFile != null) {
                out.put("controls", file(negativeControlsFile, "--negative-controls-file"));
            }
            return out;
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

        private static Map.Entry<String, byte[]> file(final Path path, final String option) {
            return Map.entry(path.getFileName().toString(), InputFiles.bytes(path, option));
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
            if (r.hasNonNull("failure")) {
                System.out.println(
                        "failed: "
                                + r.path("failure").asText()
                                + " (the counts are kept; upload the run again under its id to replace it)");
            }
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
