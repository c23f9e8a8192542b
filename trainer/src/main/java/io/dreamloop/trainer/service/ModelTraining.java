package io.dreamloop.trainer.service;

import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.training.DreamDataset;
import io.dreamloop.training.DreamTrainer;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingProgress;
import io.dreamloop.training.TrainingResult;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One training attempt of a job on a run's data, storing the best epoch in the store. {@link
 * #DREAM} is the DJL trainer the service runs; tests of the run's steps pass a fake.
 */
@FunctionalInterface
interface ModelTraining {
    /** The DREAM trainer ({@link DreamTrainer}), validating on the held-out rows. */
    ModelTraining DREAM =
            (store, job, data, progress, cancelled) ->
                    new DreamTrainer(store)
                            .train(
                                    job,
                                    DreamDataset.of(data.train()),
                                    DreamDataset.of(data.heldOutExamples()),
                                    progress,
                                    cancelled);

    TrainingResult train(
            ModelStore store,
            TrainingJob job,
            RunData data,
            Consumer<TrainingProgress> progress,
            BooleanSupplier cancelled)
            throws TrainingCancelledException;
}
