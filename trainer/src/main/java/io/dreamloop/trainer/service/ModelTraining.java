package io.dreamloop.trainer.service;

import io.dreamloop.predictor.model.DeviceChoice;
import io.dreamloop.predictor.model.SequenceEncoding;
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
 * #dream} is the DJL trainer the service runs; tests of the run's steps pass a fake.
 */
@FunctionalInterface
interface ModelTraining {
    /**
     * The DREAM trainer ({@link DreamTrainer}) on the configured device, validating on the held-out
     * rows. The device is resolved per run, so a GPU that is missing fails the run with the reason.
     */
    static ModelTraining dream(final String device) {
        return (store, job, data, progress, cancelled) ->
                new DreamTrainer(store, DeviceChoice.resolve(device), SequenceEncoding.DREAM_2022)
                        .train(
                                job,
                                DreamDataset.of(data.train()),
                                DreamDataset.of(data.heldOutExamples()),
                                progress,
                                cancelled);
    }

    TrainingResult train(
            ModelStore store,
            TrainingJob job,
            RunData data,
            Consumer<TrainingProgress> progress,
            BooleanSupplier cancelled)
            throws TrainingCancelledException;
}
