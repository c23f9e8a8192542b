package io.dreamloop.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counters read from a service instance's Prometheus text ({@code /q/metrics}). */
final class PrometheusCounters {
    private PrometheusCounters() {}

    /**
     * The sum of counter {@code name} over its series that have a label with the value {@code
     * value} (e.g. {@code "designed"}, {@code "dreamloop.scores-computed"}); 0 when there is none.
     */
    static double sum(
            final LocalStack stack, final String instance, final String name, final String value) {
        final Pattern series =
                Pattern.compile(
                        "(?m)^"
                                + Pattern.quote(name)
                                + "\\{[^}]*\""
                                + Pattern.quote(value)
                                + "\"[^}]*} ([0-9.eE+]+)$");
        final Matcher m = series.matcher(stack.http().getText(stack.url(instance) + "/q/metrics"));
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
