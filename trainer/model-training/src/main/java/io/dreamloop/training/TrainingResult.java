package io.dreamloop.training;

import io.dreamloop.predictor.model.artifact.ModelManifest;
import java.util.List;
import java.util.Objects;

/**
 * A finished DREAM training run.
 *
 * @param manifest the stored artifact (DJL format) holding the best epoch's weights
 * @param bestEpoch the epoch whose weights were kept (highest validation r), 1-based
 * @param bestValidationR validation Pearson r of those weights
 * @param initialValidationR validation r of the starting weights (the parent's when fine-tuning)
 * @param history every epoch, in order
 */
public record TrainingResult(
        ModelManifest manifest,
        int bestEpoch,
        double bestValidationR,
        double initialValidationR,
        List<EpochSummary> history) {

    /** Copies the history. */
    public TrainingResult {
        Objects.requireNonNull(manifest, "manifest");
        history = List.copyOf(history);
    }

    /** The best epoch's summary. */
    public EpochSummary best() {
        return history.get(bestEpoch - 1);
    }
}
