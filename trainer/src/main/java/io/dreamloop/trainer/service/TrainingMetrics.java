package io.dreamloop.trainer.service;

import io.dreamloop.platform.metrics.Gauges;
import io.dreamloop.training.TrainingProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Training progress at {@code /q/metrics}: {@code dreamloop_training_runs_total{outcome}} (started,
 * succeeded, failed, cancelled), {@code dreamloop_training_duration_seconds{outcome}}, and gauges
 * of the run in progress (runs go one at a time): {@code dreamloop_training_active}, {@code
 * _epoch}, {@code _step_fraction}, {@code _loss}, {@code _validation_r}, {@code
 * _examples_per_second}. The gauges keep the last run's values after it ends; loss, validation r
 * and examples/s are NaN until the run reports them.
 */
@ApplicationScoped
public class TrainingMetrics {
    /** How a run ended, or that it started. */
    public enum Outcome {
        STARTED,
        SUCCEEDED,
        FAILED,
        CANCELLED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private volatile double active;
    private volatile double epoch;
    private volatile double stepFraction;
    private volatile double loss = Double.NaN;
    private volatile double validationR = Double.NaN;
    private volatile double examplesPerSecond = Double.NaN;

    @Inject
    public TrainingMetrics(final MeterRegistry registry) {
        this.registry = registry;
        gauge("active", "1 while a run trains, else 0", m -> m.active);
        gauge("epoch", "epoch of the current run, 1-based", m -> m.epoch);
        gauge("step.fraction", "optimizer steps done / steps of the run", m -> m.stepFraction);
        gauge("loss", "last reported training loss", m -> m.loss);
        gauge("validation.r", "last validation Pearson r", m -> m.validationR);
        gauge("examples.per.second", "training examples per second", m -> m.examplesPerSecond);
    }

    private void gauge(
            final String name,
            final String description,
            final ToDoubleFunction<TrainingMetrics> value) {
        Gauges.fresh(
                registry, "dreamloop.training." + name, Tags.empty(), this, value, description);
    }

    /** A run was queued. */
    void started() {
        count(Outcome.STARTED);
    }

    /** A run begins to train; the gauges start over. */
    void running() {
        active = 1;
        epoch = 0;
        stepFraction = 0;
        loss = Double.NaN;
        validationR = Double.NaN;
        examplesPerSecond = Double.NaN;
    }

    /** A progress report of the running run. */
    void progress(final TrainingProgress p) {
        epoch = p.epoch();
        stepFraction = p.totalSteps() > 0 ? p.fractionDone() : 0;
        if (!Double.isNaN(p.loss())) {
            loss = p.loss();
        }
        if (!Double.isNaN(p.validationR())) {
            validationR = p.validationR();
        }
        if (!Double.isNaN(p.examplesPerSecond())) {
            examplesPerSecond = p.examplesPerSecond();
        }
    }

    /** A run ended after {@code nanos}. */
    void finished(final Outcome outcome, final long nanos) {
        active = 0;
        count(outcome);
        Timer.builder("dreamloop.training.duration")
                .description("wall time of training runs, by outcome")
                .tag("outcome", outcome.tag())
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private void count(final Outcome outcome) {
        Counter.builder("dreamloop.training.runs")
                .description("training runs started and ended, by outcome")
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }
}
