package io.dreamloop.trainer.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a campaign cycle's batch measured, for design goals: how high (or low) the designed
 * sequences came out, measured and, where the in-silico lab knew it, in truth.
 *
 * @param cycle the cycle
 * @param n measurements
 * @param measured the measured values' statistics
 * @param truth the truths' statistics, null when the lab knew none
 */
public record CycleBatch(int cycle, int n, Stats measured, Stats truth) {

    /**
     * Statistics of one cycle's values.
     *
     * @param mean the mean
     * @param top10 the mean of the highest tenth
     * @param max the highest
     * @param bottom10 the mean of the lowest tenth
     * @param min the lowest
     */
    public record Stats(double mean, double top10, double max, double bottom10, double min) {
        static Stats of(final double[] values) {
            final double[] v = values.clone();
            Arrays.sort(v);
            final int k = Math.max(1, v.length / 10);
            double top = 0;
            double bottom = 0;
            for (int i = 0; i < k; i++) {
                top += v[v.length - 1 - i] / k;
                bottom += v[i] / k;
            }
            return new Stats(
                    Arrays.stream(v).average().orElseThrow(), top, v[v.length - 1], bottom, v[0]);
        }
    }

    /**
     * One batch per cycle from {@code [cycle, value, truth]} rows (truth NaN when unknown); a cycle
     * has truth statistics only when every one of its rows has a truth.
     */
    public static List<CycleBatch> of(final List<double[]> rows) {
        final Map<Integer, List<double[]>> byCycle = new TreeMap<>();
        rows.forEach(r -> byCycle.computeIfAbsent((int) r[0], k -> new ArrayList<>()).add(r));
        final List<CycleBatch> out = new ArrayList<>();
        byCycle.forEach(
                (cycle, rs) -> {
                    final double[] values = rs.stream().mapToDouble(r -> r[1]).toArray();
                    final double[] truths = rs.stream().mapToDouble(r -> r[2]).toArray();
                    final boolean known = Arrays.stream(truths).noneMatch(Double::isNaN);
                    out.add(
                            new CycleBatch(
                                    cycle,
                                    rs.size(),
                                    Stats.of(values),
                                    known ? Stats.of(truths) : null));
                });
        return out;
    }
}
