package io.dreamloop.trainer.service;

import io.dreamloop.platform.trace.TraceContext;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one training thread and what waits for it: runs and test-library scorings execute in the
 * order they were queued, one at a time, so evaluation never competes with training for the cores.
 * Each queued or running run has a cancel flag; the run polls it before every batch. Tasks carry
 * the trace that queued them.
 */
@ApplicationScoped
public class RunQueue {
    private final ExecutorService executor;
    private final Map<String, AtomicBoolean> cancels = new ConcurrentHashMap<>();

    @Inject
    public RunQueue() {
        this(
                Executors.newSingleThreadExecutor(
                        r -> {
                            final Thread t = new Thread(r, "dreamloop-training");
                            t.setDaemon(true);
                            return t;
                        }));
    }

    /** On the executor given: tests pass their own. */
    RunQueue(final ExecutorService executor) {
        this.executor = executor;
    }

    void onStop(@Observes final ShutdownEvent stop) {
        shutdown();
    }

    /**
     * Queues a run; {@code run} receives the run's cancel flag. The run counts as active from now
     * until {@code run} returns.
     */
    public void enqueue(final String runId, final Consumer<BooleanSupplier> run) {
        final AtomicBoolean cancelled = new AtomicBoolean();
        cancels.put(runId, cancelled);
        executor.submit(
                TraceContext.wrap(
                        () -> {
                            try {
                                run.accept(cancelled::get);
                            } finally {
                                cancels.remove(runId);
                            }
                        }));
    }

    /**
     * Queues a campaign's scoring on its test library behind the runs queued before it. A failure
     * is logged, not thrown: the next start scores what is left.
     *
     * @return false when the queue is shut down and the scoring is left for the next start
     */
    public boolean enqueueEvaluation(final String campaignId, final Runnable scoring) {
        try {
            executor.submit(TraceContext.wrap(() -> evaluate(campaignId, scoring)));
            return true;
        } catch (final RejectedExecutionException e) {
            Log.infof(
                    "campaign %s: scoring on the test library left for the next start", campaignId);
            return false;
        }
    }

    private static void evaluate(final String campaignId, final Runnable scoring) {
        try {
            scoring.run();
        } catch (final RuntimeException e) {
            Log.errorf(e, "campaign %s: scoring on the test library failed", campaignId);
        }
    }

    /**
     * Asks a run to stop; it stops before its next batch.
     *
     * @return false when the run is not queued or running in this process
     */
    public boolean cancel(final String runId) {
        final AtomicBoolean flag = cancels.get(runId);
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }

    /** True when no run is queued or running. */
    public boolean idle() {
        return cancels.isEmpty();
    }

    /** Cancels every run and stops the thread; nothing queued later runs. */
    void shutdown() {
        cancels.values().forEach(c -> c.set(true));
        executor.shutdownNow();
    }
}
