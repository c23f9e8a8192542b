package io.dreamloop.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GaugesTest {

    @Test
    void aSecondApplicationsGaugeReadsItsOwnObjectNotTheFirstOnes() {
        // The global composite outlives an application; each start adds a new backing registry.
        final CompositeMeterRegistry global = new CompositeMeterRegistry();
        global.add(new SimpleMeterRegistry());
        final AtomicLong first = new AtomicLong(7);
        Gauges.fresh(global, "dreamloop.test.epoch", Tags.empty(), first, AtomicLong::get, "d");

        final SimpleMeterRegistry secondApp = new SimpleMeterRegistry();
        global.add(secondApp);
        final AtomicLong second = new AtomicLong(2);
        Gauges.fresh(global, "dreamloop.test.epoch", Tags.empty(), second, AtomicLong::get, "d");

        assertThat(secondApp.get("dreamloop.test.epoch").gauge().value()).isEqualTo(2.0);
        assertThat(global.find("dreamloop.test.epoch").gauges()).hasSize(1);
        // Plain re-registration, as before: the old object's value.
        final AtomicLong third = new AtomicLong(3);
        final Gauge plain =
                Gauge.builder("dreamloop.test.epoch", third, AtomicLong::get).register(global);
        assertThat(plain.value()).isEqualTo(2.0);
    }

    @Test
    void tagsKeepGaugesApart() {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Gauges.fresh(
                registry,
                "dreamloop.test.fitness",
                Tags.of("method", "a"),
                new AtomicLong(1),
                AtomicLong::get,
                "d");
        Gauges.fresh(
                registry,
                "dreamloop.test.fitness",
                Tags.of("method", "b"),
                new AtomicLong(5),
                AtomicLong::get,
                "d");
        assertThat(registry.get("dreamloop.test.fitness").tag("method", "a").gauge().value())
                .isEqualTo(1.0);
        assertThat(registry.get("dreamloop.test.fitness").tag("method", "b").gauge().value())
                .isEqualTo(5.0);
    }
}
