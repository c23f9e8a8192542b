package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.trainer.config.TrainingMode;
import io.dreamloop.trainer.persistence.TrainingRow;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingDivergedException;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingProgress;
import io.dreamloop.training.TrainingResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExecutorTest {
    private static final String RUN = "train-20261207-124000-abc123";
    private static final RunSettings SETTINGS =
            new RunSettings(
                    Architecture.DREAM_CNN,
                    ModelSize.CPU,
                    TrainingMode.SCRATCH,
                    2,
                    32,
                    Optional.empty());

    @TempDir Path store;

    private final Fakes.Registry registry = new Fakes.Registry();
    private final List<Event> events = new ArrayList<>();
    private final List<TrainingJob> attempts = new ArrayList<>();

    @Test
    void aRunTrainsReviewsAndPublishesItsVersion() {
        final TrainingMetrics.Outcome outcome =
                executor(Fakes.rows(200, 1), this::trainOnce)
                        .execute(RUN, null, SETTINGS, () -> false);

        assertThat(outcome).isEqualTo(TrainingMetrics.Outcome.SUCCEEDED);
        final TrainingRunEntity run = registry.runs.get(RUN);
        assertThat(run.state()).isEqualTo(TrainingRunEntity.State.SUCCEEDED);
        assertThat(run.trainingRows()).isPositive();
        assertThat(run.epoch()).as("the progress reached the run").isEqualTo(1);
        assertThat(registry.registered).hasSize(1);
        assertThat(((ModelPublished) events.getFirst()).modelVersion())
                .isEqualTo("dream-cnn-20261207124000abc123");
        assertThat(attempts.getFirst().lineage()).containsEntry(ServedChampions.TRAINING_RUN, RUN);
    }

    @Test
    void aDivergedAttemptIsRetriedAndTheRetrysRecipeIsRegistered() {
        final TrainingMetrics.Outcome outcome =
                executor(
                                Fakes.rows(200, 1),
                                (s, job, data, progress, cancelled) -> {
                                    attempts.add(job);
                                    if (attempts.size() == 1) {
                                        throw new TrainingDivergedException("five in a row");
                                    }
                                    return Fakes.result(job.modelVersion(), 0.4);
                                })
                        .execute(RUN, null, SETTINGS, () -> false);

        assertThat(outcome).isEqualTo(TrainingMetrics.Outcome.SUCCEEDED);
        assertThat(attempts.get(1).recipe().maxLr())
                .isEqualTo(attempts.get(0).recipe().maxLr() / 2);
        assertThat(registry.registered.getFirst().recipe())
                .contains("\"maxLr\":" + attempts.get(1).recipe().maxLr());
    }

    @Test
    void aCancelledRunIsMarkedSoAndPublishesNothing() {
        final TrainingMetrics.Outcome outcome =
                executor(
                                Fakes.rows(200, 1),
                                (s, job, data, progress, cancelled) -> {
                                    throw new TrainingCancelledException(1, 5, 10);
                                })
                        .execute(RUN, null, SETTINGS, () -> true);

        assertThat(outcome).isEqualTo(TrainingMetrics.Outcome.CANCELLED);
        assertThat(registry.runs.get(RUN).state()).isEqualTo(TrainingRunEntity.State.CANCELLED);
        assertThat(registry.runs.get(RUN).reason())
                .isEqualTo("cancelled at epoch 1, step 5; the champion did not change");
        assertThat(registry.registered).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void tooLittleDataFailsTheRunBeforeTraining() {
        final TrainingMetrics.Outcome outcome =
                executor(Fakes.rows(5, 1), this::trainOnce)
                        .execute(RUN, null, SETTINGS, () -> false);

        assertThat(outcome).isEqualTo(TrainingMetrics.Outcome.FAILED);
        assertThat(registry.runs.get(RUN).state()).isEqualTo(TrainingRunEntity.State.FAILED);
        assertThat(registry.runs.get(RUN).reason()).startsWith("too little data");
        assertThat(attempts).isEmpty();
        assertThat(events).isEmpty();
    }

    private TrainingResult trainOnce(
            final ModelStore s,
            final TrainingJob job,
            final RunData data,
            final Consumer<TrainingProgress> progress,
            final BooleanSupplier cancelled) {
        attempts.add(job);
        progress.accept(new TrainingProgress(1, 2, 10, 20, 0.5, 1e-3, 0.3, 1.0, 100));
        return Fakes.result(job.modelVersion(), 0.3);
    }

    private RunExecutor executor(final List<TrainingRow> rows, final ModelTraining training) {
        registry.add(Fakes.queuedRun(RUN));
        final Fakes.Config config = Fakes.config(store.toString());
        final Fakes.Direct transactions = new Fakes.Direct();
        final ChampionReview review =
                new ChampionReview(
                        config,
                        new ChampionReview.Scoring() {
                            @Override
                            public ChallengeScore candidate(
                                    final ModelStore s,
                                    final String sha256,
                                    final HeldOut heldOut) {
                                return Fakes.score(heldOut, 1);
                            }

                            @Override
                            public Optional<ChampionDecision.Served> served(
                                    final ModelStore s, final HeldOut heldOut) {
                                return Optional.empty();
                            }
                        });
        return new RunExecutor(
                config,
                registry,
                new RunStatus(
                        registry, new TrainingMetrics(new SimpleMeterRegistry()), transactions),
                transactions,
                new RunExecutor.Steps(
                        new TrainingData(config, new Fakes.Measurements(rows, 0)),
                        new JobPlanner(config),
                        training,
                        review,
                        new ModelPublishing(
                                config, registry, (t, e) -> events.add(e), transactions)));
    }
}
