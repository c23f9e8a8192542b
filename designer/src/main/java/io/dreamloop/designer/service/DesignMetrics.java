package io.dreamloop.designer.service;

import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.GaPreset;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.designer.ga.GenerationStats;
import io.dreamloop.platform.metrics.Gauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Design metrics at {@code /q/metrics}, tagged by design method ({@code ga.vaishnav.high}, {@code
 * ga.vaishnav.low}, {@code ga.nsga2.*}), subset, GA preset and outcome only:
 *
 * <ul>
 *   <li>{@code dreamloop_designer_generations_total{method}}: GA generations evolved (the random
 *       start is not a generation);
 *   <li>{@code dreamloop_designer_generation_seconds{method}}: their wall time (variation, scoring
 *       over Kafka, selection);
 *   <li>{@code dreamloop_designer_top_decile_fitness{method}}: mean objective of the best tenth in
 *       the last generation reported (model prediction for high/low, disagreement for nsga2);
 *   <li>{@code dreamloop_designer_libraries_total{outcome,preset,source}}: libraries designed or
 *       failed, by GA preset and whether a user or a campaign asked;
 *   <li>{@code dreamloop_designer_members_total{subset}}: members of designed libraries.
 * </ul>
 */
@ApplicationScoped
public class DesignMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> topDecile = new ConcurrentHashMap<>();

    @Inject
    public DesignMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** One generation of a GA run, as the run reports it. */
    void generation(final GenerationStats stats) {
        final AtomicLong best =
                topDecile.computeIfAbsent(
                        stats.method(),
                        method -> {
                            final AtomicLong bits =
                                    new AtomicLong(Double.doubleToLongBits(Double.NaN));
                            Gauges.fresh(
                                    registry,
                                    "dreamloop.designer.top.decile.fitness",
                                    Tags.of("method", method),
                                    bits,
                                    b -> Double.longBitsToDouble(b.get()),
                                    "mean objective of the best tenth, last generation");
                            return bits;
                        });
        best.set(Double.doubleToLongBits(stats.topDecile()));
        if (stats.generation() == 0) {
            return;
        }
        Counter.builder("dreamloop.designer.generations")
                .description("GA generations evolved")
                .tag("method", stats.method())
                .register(registry)
                .increment();
        Timer.builder("dreamloop.designer.generation")
                .description("wall time of one GA generation")
                .tag("method", stats.method())
                .register(registry)
                .record(stats.elapsedNanos(), TimeUnit.NANOSECONDS);
    }

    /** A library designed. */
    void designed(final DesignRequested request, final List<LibraryMember> members) {
        library(request, "designed");
        members.stream()
                .collect(Collectors.groupingBy(m -> m.subset().wireName(), Collectors.counting()))
                .forEach(
                        (subset, count) ->
                                Counter.builder("dreamloop.designer.members")
                                        .description("members of designed libraries")
                                        .tag("subset", subset)
                                        .register(registry)
                                        .increment(count));
    }

    /** A library that could not be designed. */
    void failed(final DesignRequested request) {
        library(request, "failed");
    }

    private void library(final DesignRequested request, final String outcome) {
        Counter.builder("dreamloop.designer.libraries")
                .description("libraries designed or failed")
                .tag("outcome", outcome)
                .tag("preset", preset(request))
                .tag(
                        "source",
                        request.header().lineage().campaignId() == null ? "request" : "campaign")
                .register(registry)
                .increment();
    }

    /** The preset as the designer applies it. */
    private static String preset(final DesignRequested request) {
        return (request.options() == null ? GaPreset.DEFAULT : request.options().preset())
                .wireName();
    }
}
