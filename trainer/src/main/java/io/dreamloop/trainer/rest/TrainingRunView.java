package io.dreamloop.trainer.rest;

import io.dreamloop.trainer.persistence.TrainingRunEntity;
import java.time.Instant;

/**
 * A training run as the API shows it.
 *
 * @param runId the run
 * @param state queued, running, succeeded, failed or cancelled
 * @param trigger why it started
 * @param architecture what it trains
 * @param mode fine-tune or scratch
 * @param reason why it failed or was cancelled, or why its model did or did not become champion
 *     with both numbers, e.g. {@code not champion: held-out r 0.3451 < 0.6120 of dream-cnn-demo
 *     (served by the predictor, TorchScript import)}
 * @param epoch epochs finished (0 before the first ends)
 * @param epochs the run's epochs
 * @param step optimizer steps done
 * @param totalSteps optimizer steps of the run
 * @param loss the latest training loss
 * @param validationR validation Pearson r after the last finished epoch (epoch 0: the starting
 *     weights)
 * @param examplesPerSecond training throughput
 * @param trainingRows rows trained on
 * @param validationRows held-out rows
 * @param size the model size it trains
 * @param batchSize examples per step
 * @param maxLr the peak rate asked for, absent for the recipe's
 * @param skippedFlaggedRows measurements not trained on for their lab QC flags ({@code
 *     dreamloop.trainer.dataset.exclude-flags})
 * @param modelVersion the version it produced
 * @param createdAt when it was queued
 * @param updatedAt last change
 * @param campaignId the campaign it trains for, absent otherwise
 * @param cycle the campaign cycle
 * @param ensembleMember the member of the cycle's ensemble, e.g. {@code 1/2}
 * @param decision the champion decision once the run has evaluated its model, absent before
 */
public record TrainingRunView(
        String runId,
        String state,
        String trigger,
        String architecture,
        String mode,
        String reason,
        int epoch,
        int epochs,
        long step,
        long totalSteps,
        Double loss,
        Double validationR,
        Double examplesPerSecond,
        int trainingRows,
        int validationRows,
        String size,
        Integer batchSize,
        Double maxLr,
        int skippedFlaggedRows,
        String modelVersion,
        Instant createdAt,
        Instant updatedAt,
        String campaignId,
        Integer cycle,
        String ensembleMember,
        Decision decision) {

    /**
     * Whether the run's model became champion; the sentence is the run's reason.
     *
     * @param champion whether it became the version the predictor serves by default
     * @param heldOutR its held-out Pearson r
     * @param servedVersion the champion the predictor served, compared on the same rows; absent
     *     when none was served
     * @param servedR that champion's Pearson r on the same rows; absent when none was served or it
     *     could not be loaded
     */
    public record Decision(
            boolean champion, Double heldOutR, String servedVersion, Double servedR) {}

    static TrainingRunView of(final TrainingRunEntity r) {
        return new TrainingRunView(
                r.runId(),
                r.state().name().toLowerCase(),
                r.trigger(),
                r.architecture(),
                r.mode(),
                r.reason(),
                r.epoch(),
                r.epochs(),
                r.step(),
                r.totalSteps(),
                r.loss(),
                r.validationR(),
                r.examplesPerSecond(),
                r.trainingRows(),
                r.validationRows(),
                r.modelSize(),
                r.batchSize(),
                r.maxLr(),
                r.skippedFlaggedRows(),
                r.modelVersion(),
                r.createdAt(),
                r.updatedAt(),
                r.campaignId(),
                r.cycle(),
                r.ensembleIndex() == null ? null : r.ensembleIndex() + "/" + r.ensembleSize(),
                r.champion() == null
                        ? null
                        : new Decision(r.champion(), r.heldOutR(), r.servedVersion(), r.servedR()));
    }
}
