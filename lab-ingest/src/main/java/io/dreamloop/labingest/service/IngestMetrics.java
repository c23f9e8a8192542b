package io.dreamloop.labingest.service;

import io.dreamloop.contracts.event.EstimationMethod;
import io.dreamloop.contracts.event.Measurement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sort-seq ingestion at {@code /q/metrics}:
 *
 * <ul>
 *   <li>{@code dreamloop_lab_runs_total{outcome}}: runs {@code estimated} (every chunk in,
 *       expression estimated and published) and uploads {@code rejected} (unknown library, rows
 *       that name no member, a reused run id);
 *   <li>{@code dreamloop_lab_members_estimated_total{method}}: members with an estimate, by {@code
 *       maude} and {@code bin-weighted-mean};
 *   <li>{@code dreamloop_lab_qc_flags_total{method,flag}}: QC flags raised on estimates ({@code
 *       low-reads}, {@code at-bound}).
 * </ul>
 */
@ApplicationScoped
public class IngestMetrics {
    private final MeterRegistry registry;

    @Inject
    public IngestMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** A run estimated, with its measurements per method. */
    void estimated(final Map<EstimationMethod, List<Measurement>> byMethod) {
        run("estimated");
        byMethod.forEach(
                (method, measurements) -> {
                    Counter.builder("dreamloop.lab.members.estimated")
                            .description("members with an expression estimate, by method")
                            .tag("method", method.wireName())
                            .register(registry)
                            .increment(measurements.size());
                    measurements.stream()
                            .flatMap(m -> m.qcFlags().stream())
                            .collect(Collectors.groupingBy(f -> f, Collectors.counting()))
                            .forEach(
                                    (flag, count) ->
                                            Counter.builder("dreamloop.lab.qc.flags")
                                                    .description("QC flags on estimates")
                                                    .tag("method", method.wireName())
                                                    .tag("flag", flag)
                                                    .register(registry)
                                                    .increment(count));
                });
    }

    /** An upload refused. */
    void rejected() {
        run("rejected");
    }

    private void run(final String outcome) {
        Counter.builder("dreamloop.lab.runs")
                .description("sort-seq runs estimated or refused")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
