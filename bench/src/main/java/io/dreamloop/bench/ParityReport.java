package io.dreamloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.training.EpochSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One architecture's side-by-side numbers: validation r per epoch (epoch 0 = initial weights) and
 * training examples/s per seed for Java and PyTorch, and inference sequences/s per batch.
 */
final class ParityReport {
    private final String architecture;
    private final Map<Long, double[]> javaR = new LinkedHashMap<>();
    private final Map<Long, double[]> torchR = new LinkedHashMap<>();
    private final List<Double> javaTraining = new ArrayList<>();
    private final List<Double> torchTraining = new ArrayList<>();
    private Map<Integer, Double> javaInference = Map.of();
    private Map<Integer, Double> torchInference = Map.of();

    ParityReport(final String architecture) {
        this.architecture = architecture;
    }

    void addJava(final long seed, final List<EpochSummary> epochs) {
        javaR.put(seed, epochs.stream().mapToDouble(EpochSummary::validationR).toArray());
        epochs.stream()
                .filter(e -> e.epoch() > 0)
                .forEach(e -> javaTraining.add(e.examplesPerSecond()));
    }

    void addTorch(final long seed, final List<JsonNode> lines) {
        final List<Double> r = new ArrayList<>();
        for (final JsonNode line : lines) {
            if ("epoch".equals(line.path("event").asText())) {
                r.add(TorchReference.number(line, "val_r"));
                if (line.get("epoch").asInt() > 0) {
                    torchTraining.add(TorchReference.number(line, "examples_per_s"));
                }
            }
        }
        torchR.put(seed, r.stream().mapToDouble(Double::doubleValue).toArray());
    }

    void inference(final Map<Integer, Double> java, final Map<Integer, Double> torch) {
        this.javaInference = java;
        this.torchInference = torch;
    }

    /** Mean (sd) validation r of each epoch over the seeds. */
    void printEpochs() {
        System.out.printf(
                "%n%s validation r per epoch, mean (sd) over %d seeds%n%5s %18s %18s %9s%n",
                architecture, javaR.size(), "epoch", "java", "pytorch", "diff");
        final int epochs = javaR.values().iterator().next().length;
        for (int e = 0; e < epochs; e++) {
            final Spread java = Spread.of(column(javaR, e));
            final Spread torch = Spread.of(column(torchR, e));
            System.out.printf(
                    "%5d %18s %18s %9s%n", e, java, torch, Spread.difference(java, torch));
        }
    }

    void printInference() {
        System.out.printf(
                "%s inference sequences/s%n%6s %10s %10s %7s%n",
                architecture, "batch", "java", "pytorch", "ratio");
        for (final Map.Entry<Integer, Double> e : javaInference.entrySet()) {
            final Double torch = torchInference.get(e.getKey());
            System.out.printf(
                    "%6d %10.0f %10s %7s%n",
                    e.getKey(),
                    e.getValue(),
                    torch == null ? "-" : "%.0f".formatted(torch),
                    torch == null ? "-" : "%.2f".formatted(e.getValue() / torch));
        }
    }

    /** The closing table over every architecture. */
    static void printSummary(
            final List<ParityReport> reports,
            final String size,
            final int epochs,
            final int batch,
            final int seeds) {
        System.out.printf(
                "%nparity summary: size %s, %d epochs, batch %d, best validation r per seed, mean"
                        + " (sd) over %d seeds%n",
                size, epochs, batch, seeds);
        System.out.printf(
                "%-11s %16s %16s %8s | %9s %9s %6s | %9s %9s %6s%n",
                "",
                "java best r",
                "pytorch best r",
                "diff",
                "train j/s",
                "train pt/s",
                "ratio",
                "infer j/s",
                "infer pt/s",
                "ratio");
        for (final ParityReport r : reports) {
            printSummaryRow(r);
        }
        System.out.println(
                "(diff = java - pytorch; train = examples/s, each strand one; infer = sequences/s"
                        + " at batch 256)");
    }

    /** One architecture's line of the closing table. */
    private static void printSummaryRow(final ParityReport r) {
        final Spread java = Spread.of(best(r.javaR));
        final Spread torch = Spread.of(best(r.torchR));
        final double jt = mean(r.javaTraining);
        final double tt = mean(r.torchTraining);
        final int at = r.javaInference.containsKey(256) ? 256 : firstKey(r.javaInference);
        final Double ji = r.javaInference.get(at);
        final Double ti = r.torchInference.get(at);
        System.out.printf(
                "%-11s %16s %16s %8s | %9.0f %9s %6s | %9s %9s %6s%n",
                r.architecture,
                java,
                torch,
                Spread.difference(java, torch),
                jt,
                Double.isNaN(tt) ? "-" : "%.0f".formatted(tt),
                Double.isNaN(tt) ? "-" : "%.2f".formatted(jt / tt),
                ji == null ? "-" : "%.0f".formatted(ji),
                ti == null ? "-" : "%.0f".formatted(ti),
                ji == null || ti == null ? "-" : "%.2f".formatted(ji / ti));
    }

    private static int firstKey(final Map<Integer, Double> map) {
        return map.isEmpty() ? -1 : map.keySet().iterator().next();
    }

    private static double[] column(final Map<Long, double[]> bySeed, final int epoch) {
        return bySeed.values().stream()
                .filter(r -> r.length > epoch)
                .mapToDouble(r -> r[epoch])
                .toArray();
    }

    /** Each seed's best epoch (epochs 1 and later, as a run keeps). */
    private static double[] best(final Map<Long, double[]> bySeed) {
        return bySeed.values().stream()
                .mapToDouble(
                        r -> {
                            double best = Double.NaN;
                            for (int e = 1; e < r.length; e++) {
                                if (Double.isNaN(best) || r[e] > best) {
                                    best = r[e];
                                }
                            }
                            return best;
                        })
                .toArray();
    }

    private static double mean(final List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Mean and sample standard deviation. */
}
