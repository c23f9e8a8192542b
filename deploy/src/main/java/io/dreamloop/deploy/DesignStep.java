package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
import io.dreamloop.contracts.topic.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model-guided library through the running services: the designer's GA scores every generation
 * with the predictor's champion over Kafka, and the library file carries each member's prediction.
 * Prints the mean prediction per subset: high above random above low when the GA works.
 */
public final class DesignStep {

    /**
     * Below this standard deviation (bins) of the champion's predictions over the random members,
     * the model is flat: about a tenth of the spread of measured DREAM values (demo_train: sd 2.35
     * bins), so whatever the GA maximizes or minimizes moves the prediction by less than the noise
     * of one measurement, and the high and low members are not designed extremes.
     */
    static final double FLAT_SD = 0.25;

    private DesignStep() {}

    /**
     * Requests high, low, random, SNV, motif-perturbation and motif-tiling members (GA preset
     * {@code test}), waits for the library and prints per-subset predictions.
     *
     * @return mean predicted expression per subset
     */
    public static Map<String, Double> run(
            final LocalStack stack,
            final String libraryId,
            final long seed,
            final PrintStream out) {
        final Instant t0 = Instant.now();
        final JsonNode designed = design(stack, libraryId, seed);
        final double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        final Map<String, List<Double>> predictions =
                championPredictions(
                        stack.http()
                                .getText(
                                        stack.url(Topics.DESIGNER)
                                                + "/libraries/"
                                                + libraryId
                                                + "/members?format=tsv"));
        final Map<String, Double> means = new TreeMap<>();
        predictions.forEach(
                (subset, p) ->
                        means.put(
                                subset,
                                p.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .average()
                                        .orElseThrow()));
        out.printf(
                " 10. user -> designer -> predictor  GA library %s (preset test): %,d members in %.1f s, every generation scored over %s; mean predicted bin per subset:%n",
                libraryId, designed.path("totalMembers").asInt(), seconds, Topics.SCORE_REQUESTED);
        means.forEach((subset, mean) -> out.printf("       %-20s %.2f%n", subset, mean));
        out.printf("       %s%n", verdict(predictions));
        return means;
    }

    /**
     * Requests the library and waits for it.
     *
     * @return the designer's view of the designed library
     * @throws IllegalStateException when the library failed
     */
    private static JsonNode design(
            final LocalStack stack, final String libraryId, final long seed) {
        final ServiceClient http = stack.http();
        final Map<String, Integer> quotas = new LinkedHashMap<>();
        quotas.put("random", 40);
        quotas.put("high", 20);
        quotas.put("low", 20);
        quotas.put("snv", 10);
        quotas.put("motif-perturbation", 10);
        quotas.put("motif-tiling", 20);
        http.postJson(
                stack.url(Topics.DESIGNER) + "/libraries",
                Map.of(
                        "libraryId",
                        libraryId,
                        "quotas",
                        quotas,
                        "seed",
                        seed,
                        "options",
                        Map.of("gaPreset", "test")));
        return FoundationChain.awaitDesigned(stack, libraryId, Duration.ofMinutes(20));
    }

    /** The champion's prediction of every member per subset, from the library's TSV. */
    private static Map<String, List<Double>> championPredictions(final String tsv) {
        final Map<String, List<Double>> predictions = new TreeMap<>();
        for (final String line : tsv.split("\n")) {
            final String[] f = line.split("\t", -1);
            if (f.length < 7 || "id".equals(f[0]) || !f[6].startsWith("champion=")) {
                continue;
            }
            predictions
                    .computeIfAbsent(f[1], k -> new ArrayList<>())
                    .add(Double.parseDouble(f[6].substring("champion=".length()).split(";")[0]));
        }
        return predictions;
    }

    /**
     * Whether the library is designed or the model it was designed with is flat: the spread of the
     * champion's predictions over the random members against {@link #FLAT_SD}, and the high - low
     * separation in units of that spread.
     */
    static String verdict(final Map<String, List<Double>> predictions) {
        final List<Double> random = predictions.getOrDefault("random", List.of());
        if (random.size() < 2) {
            return "(too few random members to judge the model's spread)";
        }
        final double mean =
                random.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        final double sd =
                Math.sqrt(
                        random.stream().mapToDouble(p -> (p - mean) * (p - mean)).sum()
                                / (random.size() - 1));
        if (sd < FLAT_SD) {
            return String.format(
                    Locale.ROOT,
                    "the model is flat: its predictions over the random members vary by sd %.3f"
                            + " bins (< %.2f), so the high and low members are not designed"
                            + " extremes; train a better model before designing with it",
                    sd,
                    FLAT_SD);
        }
        final double separation =
                predictions.containsKey("high") && predictions.containsKey("low")
                        ? (average(predictions.get("high")) - average(predictions.get("low"))) / sd
                        : Double.NaN;
        return String.format(
                Locale.ROOT,
                "designed: predictions over the random members vary by sd %.3f bins; high - low"
                        + " = %.1f sd",
                sd,
                separation);
    }

    private static double average(final List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
