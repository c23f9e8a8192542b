package io.dreamloop.trainer.service;

import ai.djl.Device;
import io.dreamloop.predictor.model.DeviceChoice;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.StoredModels;
import io.dreamloop.trainer.config.TrainerConfig;
import java.util.Objects;

/**
 * How the trainer scores stored models (the served champion, a run's candidate, a campaign's
 * ensemble): on the configured device, in the configured precision, in batches of the resolved
 * validation batch size. Read from the configuration in one place, so all three score alike.
 *
 * @param device where models are loaded
 * @param precision a precision the engine runs on {@code device}
 * @param batchSize sequences per forward pass
 */
record ScoringSetup(Device device, Precision precision, int batchSize) {
    ScoringSetup {
        Objects.requireNonNull(device, "device");
        precision.requireSupportedOn(device);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, but was " + batchSize);
        }
    }

    /**
     * The setup {@code dreamloop.trainer.training} asks for.
     *
     * @throws IllegalArgumentException naming the property, for a GPU the engine does not see or a
     *     precision it cannot run there
     */
    static ScoringSetup of(final TrainerConfig.Training training) {
        final Device device;
        try {
            device = DeviceChoice.resolve(training.device());
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "dreamloop.trainer.training.device: " + e.getMessage(), e);
        }
        try {
            training.precision().requireSupportedOn(device);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "dreamloop.trainer.training.precision: " + e.getMessage(), e);
        }
        return new ScoringSetup(
                device, training.precision(), training.validationBatchSizeOn(device));
    }

    /**
     * Opens a stored model for scoring (a traced module in float32, {@link StoredModels#servable}).
     *
     * @throws IllegalArgumentException when the artifact is missing or does not load
     */
    ModelScorer open(final ModelStore store, final String sha256) {
        return StoredModels.scorer(store, sha256, device, batchSize, precision);
    }
}
