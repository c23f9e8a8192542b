package io.dreamloop.trainer.service;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.config.TrainingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * How one training run trains: the trainer's configuration, with what a run request overrides.
 *
 * @param architecture the architecture
 * @param size the model size
 * @param mode where the weights start
 * @param epochs epochs; the best epoch's weights are kept
 * @param batchSize examples per step
 * @param maxLr the one-cycle schedule's peak rate, or empty for the recipe's
 */
public record RunSettings(
        Architecture architecture,
        ModelSize size,
        TrainingMode mode,
        int epochs,
        int batchSize,
        Optional<Double> maxLr) {

    /** The most epochs a run may ask for. */
    public static final int MAX_EPOCHS = 1_000;

    /** The largest batch a run may ask for. */
    public static final int MAX_BATCH_SIZE = 65_536;

    /**
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public RunSettings {
        Objects.requireNonNull(mode, "mode");
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException(
                    "epochs must be in [1, %d], but was %d".formatted(MAX_EPOCHS, epochs));
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "batchSize must be in [1, %d], but was %d"
                            .formatted(MAX_BATCH_SIZE, batchSize));
        }
        maxLr.ifPresent(
                lr -> {
                    if (!(lr > 0 && lr <= 1)) {
                        throw new IllegalArgumentException(
                                "maxLr must be in (0, 1], but was " + lr);
                    }
                });
    }

    /** The trainer's configured settings. */
    public static RunSettings of(final TrainerConfig.Training config) {
        return new RunSettings(
                Architecture.fromWireName(config.architecture()),
                config.size(),
                config.mode(),
                config.epochs(),
                config.batchSize(),
                config.maxLr());
    }

    /**
     * What a run request asks for; every field is optional, a missing one keeps the trainer's
     * configuration.
     */
    public record Request(
            String architecture,
            String size,
            String mode,
            Integer epochs,
            Integer batchSize,
            Double maxLr) {

        /** No overrides. */
        public static final Request NONE = new Request(null, null, null, null, null, null);

        /**
         * These overrides on {@code base}.
         *
         * @throws IllegalArgumentException naming the first invalid field
         */
        public RunSettings on(final RunSettings base) {
            return new RunSettings(
                    architecture == null
                            ? base.architecture()
                            : Architecture.fromWireName(architecture),
                    size == null ? base.size() : ModelSize.fromWireName(size),
                    mode == null ? base.mode() : TrainingMode.fromWireName(mode),
                    epochs == null ? base.epochs() : epochs,
                    batchSize == null ? base.batchSize() : batchSize,
                    maxLr == null ? base.maxLr() : Optional.of(maxLr));
        }
    }
}
