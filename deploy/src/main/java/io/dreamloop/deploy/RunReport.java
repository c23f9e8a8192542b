package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
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
    private static final String METHOD = "bin-weighted-mean";

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
                                .formatted(
                                        c.strategy(), lastLibrary, points.length, pearson(points)),
                        points);
            }
            final Map<String, double[]> bySubset =
                    gaLibraryId == null
                            ? Map.of()
                            : measuredBySubset(stack, gaLibraryId, libraries);
            final String page =
                    page(
                            table.toString(),
                            campaigns,
                            curves,
                            predictedVsMeasured,
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

    private static String page(
            final String table,
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
        return """
                <!doctype html>
                <html><head><meta charset='utf-8'><title>dreamloop run report</title>
                <style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}
                table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
                figure{display:inline-block;margin:0 1em 1em 0}</style></head><body>
                <h1>dreamloop run report</h1>
                <p>Closed-loop campaigns on the in-silico lab, one per acquisition strategy, with the same
                budget and seed. Each cycle's ensemble is trained from scratch on the campaign's own
                measurements; its score is the trainer's held-out Pearson r (about a tenth of the
                campaign's measurements, chosen by a hash of the sequence, so strategies are scored on
                different rows: <code>./dreamloop bench acquisition</code> compares them on one fixed
                test set).</p>
                <h2>Model score per cycle</h2>
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
                        files);
    }
}
