package io.dreamloop.training;

import io.dreamloop.predictor.model.Architecture;
import java.util.Objects;

/**
 * How a model is trained (SPEC §1.6): AdamW with decoupled weight decay, a one-cycle schedule
 * peaking at {@code maxLr} and stepped every batch ({@link OneCycleSchedule#dream}), mini-batches
 * of {@code batchSize} examples, {@code epochs} passes over the data, and validation in batches of
 * {@code validationBatchSize}. Every random choice (initial weights, dropout, shuffles) derives
 * from {@code seed}.
 *
 * @param maxLr the schedule's peak learning rate, positive
 * @param weightDecay AdamW's decoupled weight decay, {@code >= 0}
 * @param batchSize training examples per optimizer step
 * @param epochs passes over the training examples
 * @param validationBatchSize sequences per validation forward pass
 * @param seed the seed of the run
 */
public record Recipe(
        double maxLr,
        double weightDecay,
        int batchSize,
        int epochs,
        int validationBatchSize,
        long seed) {

    /** The reference's peak rate for DREAM-CNN and DREAM-RNN. */
    public static final double DREAM_MAX_LR = 0.005;

    /** The reference notebook's peak rate for attention layers (DREAM-Attn). */
    public static final double DREAM_ATTN_MAX_LR = 0.001;

    /** The reference's AdamW weight decay. */
    public static final double DREAM_WEIGHT_DECAY = 0.01;

    /** The reference's batch. */
    public static final int DREAM_BATCH_SIZE = 1024;

    /** The reference's epochs. */
    public static final int DREAM_EPOCHS = 80;

    /** The reference's validation batch. */
    public static final int DREAM_VALIDATION_BATCH_SIZE = 4096;

    /** The seed of the LegNet DREAM run. */
    public static final long DREAM_SEED = 42;

    /**
     * @throws IllegalArgumentException naming the first value out of range
     */
    public Recipe {
        if (!(maxLr > 0 && Double.isFinite(maxLr))) {
            throw new IllegalArgumentException(
                    "maxLr must be positive and finite, but was " + maxLr);
        }
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException(
                    "weightDecay must be >= 0 and finite, but was " + weightDecay);
        }
        positive("batchSize", batchSize);
        positive("epochs", epochs);
        positive("validationBatchSize", validationBatchSize);
    }

    /**
     * The reference recipe for an architecture: maxLr 0.005 (0.001 for DREAM-Attn), weight decay
     * 0.01, batch 1024, 80 epochs, validation batch 4096, seed 42.
     */
    public static Recipe dream(final Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        return new Recipe(
                architecture == Architecture.DREAM_ATTN ? DREAM_ATTN_MAX_LR : DREAM_MAX_LR,
                DREAM_WEIGHT_DECAY,
                DREAM_BATCH_SIZE,
                DREAM_EPOCHS,
                DREAM_VALIDATION_BATCH_SIZE,
                DREAM_SEED);
    }

    /** This recipe with another number of epochs. */
    public Recipe withEpochs(final int value) {
        return new Recipe(maxLr, weightDecay, batchSize, value, validationBatchSize, seed);
    }

    /** This recipe with another training batch. */
    public Recipe withBatchSize(final int value) {
        return new Recipe(maxLr, weightDecay, value, epochs, validationBatchSize, seed);
    }

    /** This recipe with another validation batch. */
    public Recipe withValidationBatchSize(final int value) {
        return new Recipe(maxLr, weightDecay, batchSize, epochs, value, seed);
    }

    /** This recipe with another peak learning rate. */
    public Recipe withMaxLr(final double value) {
        return new Recipe(value, weightDecay, batchSize, epochs, validationBatchSize, seed);
    }

    /** This recipe with another weight decay. */
    public Recipe withWeightDecay(final double value) {
        return new Recipe(maxLr, value, batchSize, epochs, validationBatchSize, seed);
    }

    /** This recipe with another seed. */
    public Recipe withSeed(final long value) {
        return new Recipe(maxLr, weightDecay, batchSize, epochs, validationBatchSize, value);
    }

    /**
     * Optimizer steps per epoch for {@code examples} training examples (the last batch may be
     * short).
     */
    public int stepsPerEpoch(final int examples) {
        if (examples < 1) {
            throw new IllegalArgumentException(
                    "need at least 1 training example, but got " + examples);
        }
        return (examples + batchSize - 1) / batchSize;
    }

    /** The one-cycle schedule of a run over {@code examples} training examples per epoch. */
    public OneCycleSchedule schedule(final int examples) {
        return OneCycleSchedule.dream(maxLr, Math.multiplyExact(epochs, stepsPerEpoch(examples)));
    }

    /** AdamW on the one-cycle schedule of a run over {@code examples} examples per epoch. */
    public OneCycleAdamW optimizer(final int examples) {
        return new OneCycleAdamW(schedule(examples), (float) weightDecay);
    }

    /** The engine's seed derived from {@link #seed()}. */
    int engineSeed() {
        return Long.hashCode(seed);
    }

    private static void positive(final String name, final int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, but was " + value);
        }
    }
}
