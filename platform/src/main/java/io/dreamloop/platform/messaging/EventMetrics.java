package io.dreamloop.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Counts events per topic, as Prometheus reads them at {@code /q/metrics}: {@code
 * dreamloop_events_consumed_total{topic, outcome}} (outcome {@code applied}, {@code duplicate} or
 * {@code dead_lettered}) and {@code dreamloop_events_published_total{topic}}. Consumer lag comes
 * from the Kafka clients' own metrics ({@code kafka_consumer_fetch_manager_records_lag}).
 */
@ApplicationScoped
public class EventMetrics {
    static final String CONSUMED = "dreamloop.events.consumed";
    static final String PUBLISHED = "dreamloop.events.published";

    private final MeterRegistry registry;

    @Inject
    public EventMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** One consumed record and what became of it. */
    public void consumed(final String topic, final Outcome outcome) {
        Counter.builder(CONSUMED)
                .description("events consumed, by topic and outcome")
                .tag("topic", topic)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    /** One event published. */
    public void published(final String topic) {
        Counter.builder(PUBLISHED)
                .description("events published, by topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
