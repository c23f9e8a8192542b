package io.dreamloop.training;

/**
 * One trained epoch.
 *
 * @param epoch the epoch, 1-based
 * @param trainingLoss the mean training loss over the epoch's batches
 * @param validationR Pearson r on the validation rows after the epoch
 * @param validationMse mean squared error on the validation rows after the epoch
 * @param examplesPerSecond training examples per second (validation excluded)
 * @param seconds wall time of the epoch's training steps
 */
public record EpochSummary(
        int epoch,
        double trainingLoss,
        double validationR,
        double validationMse,
        double examplesPerSecond,
        double seconds) {}
