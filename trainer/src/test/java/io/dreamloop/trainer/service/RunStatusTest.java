package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingProgress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RunStatusTest {
    private static final String RUN = "train-1";

    private final Fakes.Registry registry = new Fakes.Registry();
    private final RunStatus status =
            new RunStatus(
                    registry, new TrainingMetrics(new SimpleMeterRegistry()), new Fakes.Direct());

    @Test
    void progressCountsFinishedEpochsAndIsThrottledExceptAtAnEpochsEnd() {
        registry.add(Fakes.queuedRun(RUN));
        final Consumer<TrainingProgress> listener = status.listener(RUN);
        final TrainingRunEntity run = registry.runs.get(RUN);

        listener.accept(step(2, 15, Double.NaN));
        assertThat(run.epoch()).as("epoch 2 is running, so 1 is finished").isEqualTo(1);
        assertThat(run.step()).isEqualTo(15);

        listener.accept(step(2, 16, Double.NaN));
        assertThat(run.step()).as("within the interval: not written").isEqualTo(15);

        listener.accept(step(2, 20, 0.4));
        assertThat(run.epoch()).isEqualTo(2);
        assertThat(run.step()).isEqualTo(20);
        assertThat(run.validationR()).isEqualTo(0.4);
    }

    @Test
    void aCancelledRunSaysWhereItStopped() {
        registry.add(Fakes.queuedRun(RUN));
        status.cancelled(RUN, new TrainingCancelledException(3, 42, 100));
        assertThat(registry.runs.get(RUN).state()).isEqualTo(TrainingRunEntity.State.CANCELLED);
        assertThat(registry.runs.get(RUN).reason())
                .isEqualTo("cancelled at epoch 3, step 42; the champion did not change");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        registry.add(Fakes.queuedRun(RUN));
        status.failed(RUN, new NullPointerException());
        assertThat(registry.runs.get(RUN).state()).isEqualTo(TrainingRunEntity.State.FAILED);
        assertThat(registry.runs.get(RUN).reason()).isEqualTo("java.lang.NullPointerException");
    }

    private static TrainingProgress step(final int epoch, final long step, final double r) {
        return new TrainingProgress(epoch, 4, step, 40, 0.7, 1e-3, r, Double.NaN, 50);
    }
}
