package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
import io.dreamloop.contracts.topic.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model-guided library through the running services: the designer's GA scores every generation
 * with the predictor's champion over Kafka, and the library file carries each member's prediction.
 * Prints the mean prediction per subset: high above random above low when the GA works.
 */
public final class DesignStep {

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
        final ServiceClient http = stack.http();
        final Map<String, Integer> quotas = new LinkedHashMap<>();
        quotas.put("random", 40);
        quotas.put("high", 20);
        quotas.put("low", 20);
        quotas.put("snv", 10);
        quotas.put("motif-perturbation", 10);
        quotas.put("motif-tiling", 20);
        final Instant t0 = Instant.now();
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
        final JsonNode designed =
                FoundationChain.await(
                        () -> http.find(stack.url(Topics.DESIGNER) + "/libraries/" + libraryId),
                        Duration.ofMinutes(20));
        if (!"designed".equals(designed.path("status").asText())) {
            throw new IllegalStateException(
                    "library %s failed: %s"
                            .formatted(libraryId, designed.path("failure").asText()));
        }
        final double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        final String tsv =
                http.getText(
                        stack.url(Topics.DESIGNER)
                                + "/libraries/"
                                + libraryId
                                + "/members?format=tsv");
        final Map<String, double[]> sums = new TreeMap<>();
        for (final String line : tsv.split("\n")) {
            final String[] f = line.split("\t", -1);
            if (f.length < 7 || "id".equals(f[0]) || !f[6].startsWith("champion=")) {
                continue;
            }
            final double[] s = sums.computeIfAbsent(f[1], k -> new double[2]);
            s[0] += Double.parseDouble(f[6].substring("champion=".length()).split(";")[0]);
            s[1]++;
        }
        final Map<String, Double> means = new TreeMap<>();
        sums.forEach((subset, s) -> means.put(subset, s[0] / s[1]));
        out.printf(
                " 10. user -> designer -> predictor  GA library %s (preset test): %,d members in %.1f s, every generation scored over %s; mean predicted bin per subset:%n",
                libraryId, designed.path("totalMembers").asInt(), seconds, Topics.SCORE_REQUESTED);
        means.forEach((subset, mean) -> out.printf("       %-20s %.2f%n", subset, mean));
        return means;
    }
}
