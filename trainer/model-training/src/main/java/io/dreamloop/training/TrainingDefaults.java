package io.dreamloop.training;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;

/**
 * The trainer's default run, chosen by measurement ({@code ./dreamloop bench quality}, README
 * "Training"): the trainer's configuration defaults and the benchmark that measures them read these
 * same values. They are strings because configuration defaults are annotation constants.
 */
public final class TrainingDefaults {
    /** Architecture. */
    public static final String ARCHITECTURE = "dream-cnn";

    /** Model size. */
    public static final String SIZE = "cpu";

    /** Epochs; the best epoch is kept. */
    public static final String EPOCHS = "12";

    /**
     * Batch: the recipe's 1024 gives the one-cycle schedule only 12 steps an epoch on demo_train's
     * 11,466 examples.
     */
    public static final String BATCH_SIZE = "128";

    /** Sequences per validation pass (DJL holds a pass's intermediate arrays until it ends). */
    public static final String VALIDATION_BATCH_SIZE = "256";

    /** Seed of initialization and shuffles. */
    public static final String SEED = "42";

    private TrainingDefaults() {}

    /** The default architecture. */
    public static Architecture architecture() {
        return Architecture.fromWireName(ARCHITECTURE);
    }

    /** The default size. */
    public static ModelSize size() {
        return ModelSize.fromWireName(SIZE);
    }

    /**
     * The DREAM recipe of an architecture with the default epochs, batch, validation batch and
     * seed; the peak rate stays the recipe's.
     */
    public static Recipe recipe(final Architecture architecture) {
        return Recipe.dream(architecture)
                .withEpochs(Integer.parseInt(EPOCHS))
                .withBatchSize(Integer.parseInt(BATCH_SIZE))
                .withValidationBatchSize(Integer.parseInt(VALIDATION_BATCH_SIZE))
                .withSeed(Long.parseLong(SEED));
    }
}
