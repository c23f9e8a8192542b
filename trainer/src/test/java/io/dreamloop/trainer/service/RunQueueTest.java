package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunQueueTest {
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final RunQueue queue = new RunQueue(thread);

    @AfterEach
    void stop() {
        queue.shutdown();
    }

    @Test
    void runsAndScoringsExecuteOneAtATimeInQueueOrder() throws InterruptedException {
        final List<String> order = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        queue.enqueue("a", cancelled -> awaitThen(release, () -> order.add("a")));
        queue.enqueue("b", cancelled -> order.add("b"));
        queue.enqueueEvaluation("camp", () -> order.add("scoring"));
        assertThat(queue.idle()).isFalse();
        release.countDown();
        drain();
        assertThat(order).containsExactly("a", "b", "scoring");
        assertThat(queue.idle()).isTrue();
    }

    @Test
    void aCancelledRunSeesItsFlagAndOnlyItsOwn() throws InterruptedException {
        final CountDownLatch release = new CountDownLatch(1);
        final List<Boolean> seen = new CopyOnWriteArrayList<>();
        queue.enqueue(
                "a", cancelled -> awaitThen(release, () -> seen.add(cancelled.getAsBoolean())));
        queue.enqueue("b", cancelled -> seen.add(cancelled.getAsBoolean()));
        assertThat(queue.cancel("a")).isTrue();
        assertThat(queue.cancel("unknown")).isFalse();
        release.countDown();
        drain();
        assertThat(seen).containsExactly(true, false);
        assertThat(queue.cancel("a")).as("a finished run is no longer known").isFalse();
    }

    @Test
    void aFailedScoringDoesNotStopTheQueue() throws InterruptedException {
        final List<String> order = new CopyOnWriteArrayList<>();
        queue.enqueueEvaluation(
                "camp",
                () -> {
                    throw new IllegalStateException("no test library");
                });
        queue.enqueue("a", cancelled -> order.add("a"));
        drain();
        assertThat(order).containsExactly("a");
    }

    @Test
    void afterShutdownScoringIsLeftForTheNextStart() {
        queue.shutdown();
        assertThat(queue.enqueueEvaluation("camp", () -> {})).isFalse();
    }

    @Test
    void shutdownCancelsTheRunningRun() throws InterruptedException {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        final List<Boolean> seen = new CopyOnWriteArrayList<>();
        queue.enqueue(
                "a",
                cancelled -> {
                    started.countDown();
                    while (!cancelled.getAsBoolean()) {
                        Thread.onSpinWait();
                    }
                    seen.add(true);
                    done.countDown();
                });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        queue.shutdown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly(true);
    }

    private void drain() throws InterruptedException {
        final CountDownLatch drained = new CountDownLatch(1);
        thread.submit(drained::countDown);
        assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitThen(final CountDownLatch latch, final Runnable then) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        then.run();
    }
}
