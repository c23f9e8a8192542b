package io.dreamloop.trainer.service;

import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingProgress;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/**
 * What a run reports while it executes: its stored row (rows read, progress, how it ended) and the
 * training gauges. Progress reaches the row at most every {@value #PROGRESS_EVERY_NANOS} ns, and at
 * every epoch's end.
 */
@ApplicationScoped
public class RunStatus {
    static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final ModelRegistry registry;
    private final TrainingMetrics metrics;
    private final Transactions transactions;

    @Inject
    public RunStatus(
            final ModelRegistry registry,
            final TrainingMetrics metrics,
            final Transactions transactions) {
        this.registry = registry;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    /** A run starts executing: the gauges show a run is active. */
    void executing() {
        metrics.running();
    }

    /** A run ended, after {@code nanos}. */
    void ended(final TrainingMetrics.Outcome outcome, final long nanos) {
        metrics.finished(outcome, nanos);
    }

    /** The run has read its data and starts training. */
    void running(final String runId, final RunData data) {
        update(
                runId,
                r ->
                        r.running(
                                data.train().size(),
                                data.heldOut().rows().size(),
                                data.skippedFlagged()));
    }

    /** A listener for one run's progress, with a throttle of its own. */
    Consumer<TrainingProgress> listener(final String runId) {
        final Throttle throttle = new Throttle(PROGRESS_EVERY_NANOS);
        return p -> progress(runId, p, throttle);
    }

    void cancelled(final String runId, final TrainingCancelledException e) {
        finish(
                runId,
                TrainingRunEntity.State.CANCELLED,
                "cancelled at epoch %d, step %d; the champion did not change"
                        .formatted(e.epoch(), e.step()));
    }

    void failed(final String runId, final RuntimeException e) {
        Log.errorf(e, "training run %s failed", runId);
        finish(
                runId,
                TrainingRunEntity.State.FAILED,
                e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private void progress(final String runId, final TrainingProgress p, final Throttle throttle) {
        metrics.progress(p);
        final boolean epochEnd = !Double.isNaN(p.validationR());
        if (!throttle.pass(epochEnd)) {
            return;
        }
        if (epochEnd && p.epoch() == 0) {
            Log.infof("run %s: before training, validation r %.4f", runId, p.validationR());
        } else if (epochEnd) {
            Log.infof(
                    "run %s: epoch %d/%d, loss %.4f, validation r %.4f, %.1f examples/s",
                    runId, p.epoch(), p.epochs(), p.loss(), p.validationR(), p.examplesPerSecond());
        }
        // The run's epoch counts finished epochs, so its validation r always belongs to it.
        final int finished = epochEnd ? p.epoch() : Math.max(0, p.epoch() - 1);
        update(
                runId,
                r ->
                        r.progress(
                                finished,
                                p.step(),
                                p.totalSteps(),
                                p.loss(),
                                p.validationR(),
                                p.examplesPerSecond()));
    }

    private void finish(final String runId, final TrainingRunEntity.State end, final String why) {
        update(runId, r -> r.finish(end, why, null));
    }

    private void update(final String runId, final Consumer<TrainingRunEntity> change) {
        transactions.run(() -> registry.run(runId).ifPresent(change));
    }
}
