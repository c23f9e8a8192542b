package io.dreamloop.predictor.scoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * Scoring throughput at {@code /q/metrics}: {@code dreamloop_scoring_sequences_total}, {@code
 * dreamloop_scoring_batch_size} and {@code dreamloop_scoring_batch_seconds}. A batch is one call of
 * {@link ScorerPool#score}: one HTTP request, or the requests of one Kafka poll that name the same
 * version. The only tag, {@code model}, says whether the champion or a named version scored it
 * (versions themselves would grow without bound).
 */
@ApplicationScoped
public class ScoringMetrics {
    private final MeterRegistry registry;

    @Inject
    public ScoringMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** One scored batch. */
    void scored(final boolean champion, final int sequences, final long nanos) {
        final String model = champion ? "champion" : "named";
        Counter.builder("dreamloop.scoring.sequences")
                .description("sequences scored")
                .tag("model", model)
                .register(registry)
                .increment(sequences);
        DistributionSummary.builder("dreamloop.scoring.batch.size")
                .description("sequences per scored batch")
                .tag("model", model)
                .register(registry)
                .record(sequences);
        Timer.builder("dreamloop.scoring.batch")
                .description("time to score one batch")
                .tag("model", model)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
