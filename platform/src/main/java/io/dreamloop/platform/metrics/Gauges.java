package io.dreamloop.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/**
 * Registers a gauge that reads the object given now, replacing one of the same name and tags.
 *
 * <p>Why: Quarkus hands out Micrometer's global composite registry, which outlives an application
 * restart in the same JVM (dev-mode reload, test classes with different profiles). Registering a
 * gauge again there returns the old one, still bound (weakly) to the previous application's object,
 * so the new object's values never show: a trainer test saw its epoch gauge read nothing after an
 * earlier test class had run. Counters and timers do not hold state objects and are unaffected.
 */
public final class Gauges {
    private Gauges() {}

    /**
     * @param name the gauge's name (dotted, as Micrometer names go)
     * @param tags its tags
     * @param state the object the gauge reads
     * @param value how to read it
     * @param description for the exposition
     */
    public static <T> Gauge fresh(
            final MeterRegistry registry,
            final String name,
            final Tags tags,
            final T state,
            final ToDoubleFunction<T> value,
            final String description) {
        final Gauge old = registry.find(name).tags(tags).gauge();
        if (old != null) {
            registry.remove(old);
        }
        return Gauge.builder(name, state, value)
                .tags(tags)
                .description(description)
                .register(registry);
    }
}
