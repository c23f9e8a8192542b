package io.dreamloop.testing;

import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples from a service's Prometheus text at {@code /q/metrics}. */
public final class Metrics {
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Metrics() {}

    /** The sum of a metric over the samples of the running test service that match the labels. */
    public static double scrape(final String name, final String... labels) {
        return value(RestAssured.get("/q/metrics").asString(), name, labels);
    }

    /**
     * The sum of the samples named {@code name} whose labels include every given {@code key=value}
     * pair; 0 when none matches (a counter that was never incremented is not exported yet).
     *
     * @throws IllegalArgumentException when a label is not {@code key=value}
     */
    public static double value(final String text, final String name, final String... labels) {
        final Map<String, String> wanted = new HashMap<>();
        for (final String label : labels) {
            final int eq = label.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(
                        "label must be key=value, but was '%s'".formatted(label));
            }
            wanted.put(label.substring(0, eq), label.substring(eq + 1));
        }
        double sum = 0;
        for (final String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            final int brace = line.indexOf('{');
            final int space = line.lastIndexOf(' ');
            final String sample = brace > 0 ? line.substring(0, brace) : line.split(" ")[0];
            if (!sample.equals(name) || space < 0) {
                continue;
            }
            final Map<String, String> have = new HashMap<>();
            if (brace > 0) {
                final Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (m.find()) {
                    have.put(m.group(1), m.group(2));
                }
            }
            if (have.entrySet().containsAll(wanted.entrySet())) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }
}
