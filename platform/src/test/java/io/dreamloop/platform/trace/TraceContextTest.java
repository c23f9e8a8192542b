package io.dreamloop.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.DesignOptions;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.EventHeader;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.contracts.wire.EventCodec;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String W3C = "4bf92f3577b34da6a3ce929d0e0e4736";

    @AfterEach
    void noTraceLeaks() {
        assertThat(TraceContext.current()).isEmpty();
        assertThat(MDC.get(TraceContext.MDC_KEY)).isNull();
    }

    @Test
    void anHttpRequestTakesTraceparentThenXTraceIdElseANewId() {
        assertThat(TraceIds.forRequest("00-" + W3C + "-00f067aa0ba902b7-01", "mine"))
                .isEqualTo(W3C);
        assertThat(TraceIds.forRequest(null, "run-42.retry_1")).isEqualTo("run-42.retry_1");
        // Invalid traceparents (version ff, zero trace id, wrong length) fall through.
        assertThat(TraceIds.forRequest("ff-" + W3C + "-00f067aa0ba902b7-01", "x1")).isEqualTo("x1");
        assertThat(TraceIds.forRequest("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "x2"))
                .isEqualTo("x2");
        // An X-Trace-Id that would inject into log lines is replaced by a new id.
        final String minted = TraceIds.forRequest("00-abc", "evil\nFAKE LOG LINE");
        assertThat(minted).matches("[0-9a-f]{32}").isNotEqualTo(TraceIds.mint());
        assertThat(TraceIds.fromHeader("x".repeat(65))).isEmpty();
    }

    @Test
    void scopesNestAndPutBackTheTraceAndTheMdcTheyReplaced() {
        try (TraceContext.Scope outer = TraceContext.open("outer")) {
            assertThat(MDC.get(TraceContext.MDC_KEY)).isEqualTo("outer");
            try (TraceContext.Scope inner = TraceContext.open("inner")) {
                assertThat(TraceContext.current()).contains("inner");
                assertThat(MDC.get(TraceContext.MDC_KEY)).isEqualTo("inner");
            }
            assertThat(TraceContext.current()).contains("outer");
            assertThat(MDC.get(TraceContext.MDC_KEY)).isEqualTo("outer");
        }
        assertThatThrownBy(() -> TraceContext.open(null)).hasMessage("traceId");
    }

    @Test
    void aConsumedEventContinuesItsTraceOrOneDerivedFromItsEventId() {
        final EventHeader traced =
                EventTypes.header(ModelPublished.class, Lineage.NONE).withTraceId(W3C);
        try (TraceContext.Scope s = TraceContext.continueFrom(traced)) {
            assertThat(TraceContext.current()).contains(W3C);
        }
        final UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        final EventHeader untraced =
                new EventHeader(id, "x", 1, traced.occurredAt(), Lineage.NONE, null);
        try (TraceContext.Scope s = TraceContext.continueFrom(untraced)) {
            assertThat(TraceContext.current()).contains("123e4567e89b12d3a456426614174000");
        }
    }

    @Test
    void publishedEventsGetTheCurrentTraceUnlessTheyCarryOne() {
        final DesignRequested event = designRequested();
        assertThat(TracedEvents.stamp(event)).isSameAs(event); // no trace current
        try (TraceContext.Scope s = TraceContext.open(W3C)) {
            final DesignRequested stamped = TracedEvents.stamp(event);
            assertThat(stamped.header().traceId()).isEqualTo(W3C);
            // Only the trace id changed: same event id, and the same JSON otherwise.
            assertThat(stamped.header().eventId()).isEqualTo(event.header().eventId());
            assertThat(TracedEvents.withTraceId(stamped, null)).isEqualTo(event);
            final DesignRequested cycle = TracedEvents.withTraceId(event, "cycle-trace");
            assertThat(TracedEvents.stamp(cycle).header().traceId()).isEqualTo("cycle-trace");
        }
        // The trace survives the wire.
        final DesignRequested decoded =
                EventCodec.instance()
                        .decode(
                                EventCodec.instance().encode(TracedEvents.withTraceId(event, W3C)),
                                DesignRequested.class);
        assertThat(decoded.header().traceId()).isEqualTo(W3C);
    }

    @Test
    void workHandedToAnotherThreadKeepsTheTrace() throws Exception {
        final AtomicReference<String> seen = new AtomicReference<>();
        final AtomicReference<String> logged = new AtomicReference<>();
        final ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            final Runnable task;
            try (TraceContext.Scope s = TraceContext.open(W3C)) {
                task =
                        TraceContext.wrap(
                                () -> {
                                    seen.set(TraceContext.current().orElse(null));
                                    logged.set((String) MDC.get(TraceContext.MDC_KEY));
                                });
            }
            pool.submit(task).get();
            assertThat(seen.get()).isEqualTo(W3C);
            assertThat(logged.get()).isEqualTo(W3C);
            // and the pooled thread is clean afterwards
            pool.submit(() -> seen.set(TraceContext.current().orElse("none"))).get();
            assertThat(seen.get()).isEqualTo("none");
        } finally {
            pool.shutdownNow();
        }
    }

    private static DesignRequested designRequested() {
        return new DesignRequested(
                EventTypes.header(DesignRequested.class, Lineage.NONE),
                "lib-trace",
                List.of(new SubsetQuota(Subset.RANDOM, 3)),
                80,
                Flanks.DREAM_2022,
                LibraryConstraints.NONE,
                7,
                DesignOptions.DEFAULT);
    }
}
