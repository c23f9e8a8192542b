package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
import io.dreamloop.contracts.event.EstimationMethod;
import io.dreamloop.contracts.topic.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The report of a run: an HTML page with the learning curves of the campaigns, the acquired
 * batches' predictions against their measurements, and the measured expression per subset of the
 * model-guided library; beside it every library file the run designed. Everything is read back from
 * the services over HTTP, as a user would.
 */
public final class RunReport {
    private static final String METHOD = EstimationMethod.BIN_WEIGHTED_MEAN.wireName();

    private RunReport() {}

    /**
     * Writes {@code dir/index.html} and {@code dir/libraries/*.tsv}.
     *
     * @param gaLibraryId the model-guided library whose subsets are compared, or null
     * @return the page
     */
    public static Path write(
            final LocalStack stack,
            final Path dir,
            final List<CampaignStep.Outcome> campaigns,
            final String gaLibraryId,
            final PrintStream out) {
        final ServiceClient http = stack.http();
        final Path libraries = dir.resolve("libraries");
        try {
            Files.createDirectories(libraries);
            final CurvesSection curves = curves(stack, campaigns, libraries);
            final TestLibrarySection test = testLibrary(stack, campaigns, libraries);
            final Map<String, double[]> bySubset =
                    gaLibraryId == null
                            ? Map.of()
                            : measuredBySubset(stack, gaLibraryId, libraries);
            final String page =
                    page(
                            curves.table(),
                            test.html() + batches(campaigns),
                            campaigns,
                            curves.heldOutR(),
                            curves.predictedVsMeasured(),
                            bySubset,
                            gaLibraryId);
            final Path index = dir.resolve("index.html");
            Files.writeString(index, page, StandardCharsets.UTF_8);
            out.printf(
                    " 12. report: %s (%d library files in %s)%n",
                    index, Files.list(libraries).count(), libraries);
            return index;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    /**
     * The learning-curve part of the page.
     *
     * @param table one HTML row of held-out r per campaign
     * @param heldOutR per campaign its cycles' held-out r
     * @param predictedVsMeasured per campaign its last library's points, under a caption
     */
    private record CurvesSection(
            String table,
            Map<String, List<Double>> heldOutR,
            Map<String, double[][]> predictedVsMeasured) {}

    /**
     * Each campaign's held-out r per cycle and its last library's predictions against the
     * measurements; writes every cycle's library beside the page.
     */
    private static CurvesSection curves(
            final LocalStack stack,
            final List<CampaignStep.Outcome> campaigns,
            final Path libraries)
            throws IOException {
        final Map<String, List<Double>> curves = new LinkedHashMap<>();
        final Map<String, double[][]> predictedVsMeasured = new LinkedHashMap<>();
        final StringBuilder table = new StringBuilder();
        for (final CampaignStep.Outcome c : campaigns) {
            curves.put(c.strategy(), c.heldOutR());
            table.append("<tr><td>").append(Svg.escape(c.strategy())).append("</td>");
            for (final Double r : c.heldOutR()) {
                table.append("<td>")
                        .append(r == null ? "-" : String.format(Locale.ROOT, "%.3f", r))
                        .append("</td>");
            }
            table.append("</tr>\n");
            String lastLibrary = null;
            for (final JsonNode cycle : c.view().path("cycleDetails")) {
                lastLibrary = cycle.path("libraryId").asText();
                Files.writeString(
                        libraries.resolve(lastLibrary + ".tsv"), members(stack, lastLibrary));
            }
            final double[][] points = predictedVsMeasured(stack, lastLibrary);
            predictedVsMeasured.put(
                    "%s, %s (n=%d, r=%.3f)"
                            .formatted(c.strategy(), lastLibrary, points.length, pearson(points)),
                    points);
        }
        return new CurvesSection(table.toString(), curves, predictedVsMeasured);
    }

    private static String members(final LocalStack stack, final String libraryId) {
        return stack.http()
                .getText(
                        stack.url(Topics.DESIGNER)
                                + "/libraries/"
                                + libraryId
                                + "/members?format=tsv");
    }

    /** Member id to measured value, waiting up to two minutes for the run to be estimated. */
    private static Map<String, Double> measurements(
            final LocalStack stack, final String libraryId) {
        final String url =
                stack.url(Topics.LAB_INGEST)
                        + "/runs/insilico-"
                        + libraryId
                        + "/measurements?method="
                        + METHOD
                        + "&format=tsv";
        final Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try {
                final Map<String, Double> out = new HashMap<>();
                for (final String line : stack.http().getText(url).split("\n")) {
                    final String[] f = line.split("\t", -1);
                    if (f.length >= 3 && !"member_id".equals(f[0])) {
                        out.put(f[0], Double.parseDouble(f[2]));
                    }
                }
                return out;
            } catch (final IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    return Map.of();
                }
                ServiceProcess.sleep(1000);
            }
        }
    }

    /** (ensemble-mean prediction at design time, measurement) per member of a library. */
    private static double[][] predictedVsMeasured(final LocalStack stack, final String libraryId) {
        final Map<String, Double> measured = measurements(stack, libraryId);
        final List<double[]> points = new ArrayList<>();
        for (final String line : members(stack, libraryId).split("\n")) {
            final String[] f = line.split("\t", -1);
            if (f.length < 7
                    || "id".equals(f[0])
                    || f[6].isEmpty()
                    || !measured.containsKey(f[0])) {
                continue;
            }
            double sum = 0;
            int n = 0;
            for (final String kv : f[6].split(";")) {
                sum += Double.parseDouble(kv.substring(kv.indexOf('=') + 1));
                n++;
            }
            points.add(new double[] {sum / n, measured.get(f[0])});
        }
        return points.toArray(double[][]::new);
    }

    private static Map<String, double[]> measuredBySubset(
            final LocalStack stack, final String libraryId, final Path libraries)
            throws IOException {
        final String tsv = members(stack, libraryId);
        Files.writeString(libraries.resolve(libraryId + ".tsv"), tsv);
        final Map<String, Double> measured = measurements(stack, libraryId);
        final Map<String, List<Double>> values = new TreeMap<>();
        for (final String line : tsv.split("\n")) {
            final String[] f = line.split("\t", -1);
            if (f.length >= 2 && !"id".equals(f[0]) && measured.containsKey(f[0])) {
                values.computeIfAbsent(f[1], k -> new ArrayList<>()).add(measured.get(f[0]));
            }
        }
        final Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private static double pearson(final double[][] points) {
        final int n = points.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (final double[] p : points) {
            mx += p[0] / n;
            my += p[1] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (final double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    /** The test-library part of the page. */
    private record TestLibrarySection(String html) {}

    /**
     * Each cycle's ensemble on its campaign's test library: the challenge's Pearson score and r
     * against the truth per cycle and strategy (table and lines), and the last cycle's predictions
     * against the measurements; writes the test libraries and the predictions beside the page.
     */
    private static TestLibrarySection testLibrary(
            final LocalStack stack,
            final List<CampaignStep.Outcome> campaigns,
            final Path libraries)
            throws IOException {
        if (campaigns.stream().noneMatch(c -> c.view().path("testLibrary").isObject())) {
            return new TestLibrarySection(
                    "<p>The campaigns had no test library (<code>--campaign-test-per-subset 0</code>).</p>");
        }
        final Map<String, List<Double>> scores = new LinkedHashMap<>();
        final Map<String, List<Double>> truth = new LinkedHashMap<>();
        final Map<String, double[][]> last = new LinkedHashMap<>();
        final StringBuilder rows = new StringBuilder();
        final StringBuilder files = new StringBuilder();
        for (final CampaignStep.Outcome c : campaigns) {
            scores.put(c.strategy(), c.test("score.pearson"));
            truth.put(c.strategy(), c.test("truth.pearson.all"));
            rows.append(testRows(c));
            final String campaignId = c.view().path("campaignId").asText();
            final String testId = c.view().path("testLibrary").path("libraryId").asText();
            Files.writeString(libraries.resolve(testId + ".tsv"), members(stack, testId));
            files.append("<a href='libraries/%s.tsv'>%s.tsv</a> ".formatted(testId, testId));
            final JsonNode cycles = c.evaluation().path("cycles");
            if (cycles.isEmpty()) {
                continue;
            }
            final int k = cycles.get(cycles.size() - 1).path("cycle").asInt();
            final String name = "%s-cycle%d-predictions".formatted(testId, k);
            final double[][] xy =
                    testPredictions(stack, campaignId, k, libraries.resolve(name + ".tsv"));
            files.append("<a href='libraries/%s.tsv'>%s.tsv</a> ".formatted(name, name));
            last.put(
                    "%s, cycle %d (n=%d, r=%.3f)"
                            .formatted(c.strategy(), k, xy.length, pearson(xy)),
                    xy);
        }
        return testLibraryHtml(
                campaigns.getFirst().view().path("testLibrary"), rows, scores, truth, last, files);
    }

    /**
     * Writes a cycle's predictions on the test library to {@code file}.
     *
     * @return (prediction, measurement) per test-library member
     */
    private static double[][] testPredictions(
            final LocalStack stack, final String campaignId, final int cycle, final Path file)
            throws IOException {
        final String tsv =
                stack.http()
                        .getText(
                                "%s/campaigns/%s/evaluation/%d/predictions"
                                        .formatted(stack.url(Topics.TRAINER), campaignId, cycle));
        Files.writeString(file, tsv);
        final List<double[]> points = new ArrayList<>();
        for (final String line : tsv.split("\n")) {
            final String[] f = line.split("\t", -1);
            if (f.length == 6 && !"row_id".equals(f[0])) {
                points.add(new double[] {Double.parseDouble(f[5]), Double.parseDouble(f[3])});
            }
        }
        return points.toArray(double[][]::new);
    }

    /** The test-library section around its table, charts and file links. */
    private static TestLibrarySection testLibraryHtml(
            final JsonNode spec,
            final CharSequence rows,
            final Map<String, List<Double>> scores,
            final Map<String, List<Double>> truth,
            final Map<String, double[][]> last,
            final CharSequence files) {
        return new TestLibrarySection(
                """
                <p>Each campaign designs a test library at its start (%,d members: %d per subset of
                %s; the same sequences for every strategy, since the same seed designs them), the
                in-silico lab measures it once, and it is never trained on. Every cycle's ensemble
                (the mean of its members) is scored on it by the challenge's Pearson score (subsets
                the library lacks count 0) and against the lab's noiseless truth. This run is one
                seed; whether a strategy beats random takes several (<code>./dreamloop bench
                acquisition</code>, README Benchmarks): in the runs so far none has beaten random
                beyond the spread across seeds, with random oligos or with single-base variants
                of measured sequences among the candidates.</p>
                <table>%s</table>
                <figure>%s</figure><figure>%s</figure>
                <figure>%s</figure>
                <p>Files: %s</p>
                """
                        .formatted(
                                spec.path("members").asInt(),
                                spec.path("perSubset").asInt(),
                                Svg.escape(spec.path("subsets").toString()),
                                rows,
                                Svg.lines(
                                        "test library: challenge Pearson score per cycle",
                                        "cycle",
                                        "Pearson score",
                                        scores),
                                Svg.lines(
                                        "test library: r against the truth per cycle",
                                        "cycle",
                                        "r vs truth",
                                        truth),
                                Svg.scatter(
                                        "test library: last cycle's ensemble, predicted vs measured",
                                        "ensemble mean prediction (bin)",
                                        "measured (bin-weighted mean)",
                                        last),
                                files));
    }

    /**
     * Each cycle's batch in truth, per campaign: how high the designed batches of a maximize
     * campaign came out beside the acquired ones (random's are random search).
     */
    private static String batches(final List<CampaignStep.Outcome> campaigns) {
        final Map<String, List<Double>> mean = new LinkedHashMap<>();
        final Map<String, List<Double>> top = new LinkedHashMap<>();
        for (final CampaignStep.Outcome c : campaigns) {
            mean.put(c.strategy(), CampaignStep.batchTruth(c, "mean"));
            top.put(c.strategy(), CampaignStep.batchTruth(c, "top10"));
        }
        return """
                <h2>Expression of each cycle's batch</h2>
                <p>What each cycle's library measured, in the in-silico lab's noiseless truth (z over
                random oligos): cycle 0 is random for every campaign; after it a maximize campaign's
                batches are designed by the GA on its ensemble's upper confidence bound, the others'
                acquired to teach the model (random's are random search).</p>
                <figure>%s</figure><figure>%s</figure>
                """
                .formatted(
                        Svg.lines("batch mean, truth (z)", "cycle", "mean truth", mean),
                        Svg.lines("batch top 10%, truth (z)", "cycle", "top-10% truth", top));
    }

    /** A campaign's two rows of the test-library table: challenge score and r against truth. */
    private static String testRows(final CampaignStep.Outcome c) {
        return testRow(c.strategy() + ": challenge Pearson score", c.test("score.pearson"))
                + testRow(c.strategy() + ": r vs truth", c.test("truth.pearson.all"));
    }

    private static String testRow(final String label, final List<Double> values) {
        final StringBuilder row =
                new StringBuilder("<tr><td>").append(Svg.escape(label)).append("</td>");
        for (final Double v : values) {
            row.append("<td>")
                    .append(v == null ? "-" : String.format(Locale.ROOT, "%.4f", v))
                    .append("</td>");
        }
        return row.append("</tr>\n").toString();
    }

    private static String page(
            final String table,
            final String testLibrary,
            final List<CampaignStep.Outcome> campaigns,
            final Map<String, List<Double>> curves,
            final Map<String, double[][]> predictedVsMeasured,
            final Map<String, double[]> bySubset,
            final String gaLibraryId) {
        final int cycles = campaigns.stream().mapToInt(c -> c.heldOutR().size()).max().orElse(0);
        final StringBuilder head = new StringBuilder("<tr><th>strategy</th>");
        for (int k = 0; k < cycles; k++) {
            head.append("<th>cycle ").append(k).append("</th>");
        }
        head.append("</tr>\n");
        return """
                <!doctype html>
                <html><head><meta charset='utf-8'><title>dreamloop run report</title>
                <style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}
                table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
                figure{display:inline-block;margin:0 1em 1em 0}</style></head><body>
                <h1>dreamloop run report</h1>
                <p>Closed-loop campaigns on the in-silico lab, one per acquisition strategy, with the same
                budget and seed. Each cycle's ensemble is trained from scratch on the campaign's own
                measurements.</p>
                <h2>Score on the test library per cycle</h2>
                %s
                <h2>Model score per cycle</h2>
                <p>The trainer's held-out Pearson r: about a tenth of each campaign's own
                measurements, chosen by a hash of the sequence, so strategies are scored on
                different rows (the test library above is the same for all).</p>
                <table>%s%s</table>
                <figure>%s</figure>
                <h2>Predicted vs measured</h2>
                <p>The last acquired batch of each campaign: the ensemble's mean prediction when the
                batch was chosen, against what the lab then measured (bin-weighted mean).</p>
                <figure>%s</figure>
                <h2>Measured expression per subset</h2>
                <p>The model-guided library %s, measured by the in-silico lab.</p>
                <figure>%s</figure>
                <h2>Library files</h2>
                <ul>%s</ul>
                </body></html>
                """
                .formatted(
                        testLibrary,
                        head,
                        table,
                        Svg.lines("held-out Pearson r per cycle", "cycle", "held-out r", curves),
                        Svg.scatter(
                                "last acquired batch: predicted vs measured",
                                "ensemble mean prediction (bin)",
                                "measured (bin-weighted mean)",
                                predictedVsMeasured),
                        gaLibraryId == null ? "(none)" : Svg.escape(gaLibraryId),
                        Svg.histograms("measured expression per subset", "measured bin", bySubset),
                        files(campaigns, gaLibraryId));
    }

    /** One list item per library file written: every cycle's library, then the GA library. */
    private static String files(
            final List<CampaignStep.Outcome> campaigns, final String gaLibraryId) {
        final StringBuilder files = new StringBuilder();
        for (final CampaignStep.Outcome c : campaigns) {
            for (final JsonNode cycle : c.view().path("cycleDetails")) {
                final String id = cycle.path("libraryId").asText();
                files.append(
                        "<li><a href='libraries/%s.tsv'>%s.tsv</a> (%d members)</li>\n"
                                .formatted(id, id, cycle.path("members").asInt()));
            }
        }
        Optional.ofNullable(gaLibraryId)
                .ifPresent(
                        id ->
                                files.append(
                                        "<li><a href='libraries/%s.tsv'>%s.tsv</a> (model-guided)</li>\n"
                                                .formatted(id, id)));
        return files.toString();
    }
}
