package io.dreamloop.training;

/**
 * A progress report of a training run. A run reports once before training (epoch 0, step 0: the
 * validation of the starting weights), after every batch (validation fields NaN) and after every
 * epoch (loss = the epoch's mean training loss, with its validation).
 *
 * @param epoch the epoch, 1-based; 0 before training
 * @param epochs epochs of the run
 * @param step optimizer steps done so far
 * @param totalSteps optimizer steps of the whole run
 * @param loss the batch's training loss, or the epoch's mean at an epoch report; NaN at epoch 0
 * @param learningRate the learning rate of the last step (of the next one at epoch 0)
 * @param validationR Pearson r of predictions and measurements on the validation rows (DREAM:
 *     expected bin averaged over both strands; assays: the mean over outputs), NaN after a batch
 * @param validationMse mean squared error on the validation rows (DREAM: on the bin scale; assays:
 *     on the standardized scale, the mean over outputs), NaN after a batch
 * @param examplesPerSecond training examples per second in this epoch so far (each strand counts as
 *     one example), NaN at epoch 0
 */
public record TrainingProgress(
        int epoch,
        int epochs,
        long step,
        long totalSteps,
        double loss,
        double learningRate,
        double validationR,
        double validationMse,
        double examplesPerSecond) {

    /** True for the reports that carry a validation (epoch 0 and the end of every epoch). */
    public boolean validated() {
        return !Double.isNaN(validationR) || !Double.isNaN(validationMse);
    }

    /** Fraction of the run done, in [0, 1]. */
    public double fractionDone() {
        return (double) step / totalSteps;
    }
}
