package io.dreamloop.trainer.service;

import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.persistence.TrainingRow;
import io.dreamloop.training.TrainingExample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a run learns from: the stored measurements of the configured scale and method (a campaign's
 * own only, for a campaign run) plus the configured DREAM files, split into training and held-out
 * rows by the one held-out rule ({@link HeldOut#heldOut}). Call inside a transaction.
 */
@ApplicationScoped
public class TrainingData {
    private static final int MIN_TRAINING = 10;
    private static final int MIN_HELD_OUT = 3;

    private final TrainerConfig config;
    private final MeasurementStore measurements;

    @Inject
    public TrainingData(final TrainerConfig config, final MeasurementStore measurements) {
        this.config = config;
        this.measurements = measurements;
    }

    /**
     * The training rows and the held-out rows (about one in ten, by a hash of the sequence).
     *
     * @param campaignId the campaign whose measurements alone are read, or null for all (and the
     *     configured files)
     * @throws IllegalStateException when fewer than 10 training or 3 held-out rows remain
     */
    RunData read(final String campaignId) {
        final TrainerConfig.Training t = config.training();
        final Set<String> excluded = config.dataset().excludedFlags();
        final String method = t.method().wireName();
        final List<TrainingRow> rows =
                new ArrayList<>(measurements.trainingRows(t.scale(), method, campaignId, excluded));
        final long skipped = measurements.flaggedCount(t.scale(), method, campaignId, excluded);
        if (campaignId == null) {
            for (final String file : t.files().orElse(List.of())) {
                rows.addAll(DreamFiles.read(Path.of(file)));
            }
        }
        return split(rows, skipped);
    }

    /** Splits rows by the held-out rule with the configured seed and fraction. */
    RunData split(final List<TrainingRow> rows, final long skippedFlagged) {
        final TrainerConfig.Training t = config.training();
        final List<TrainingExample> train = new ArrayList<>();
        final List<TrainingRow> heldOut = new ArrayList<>();
        for (final TrainingRow r : rows) {
            if (HeldOut.heldOut(r.sequence(), r.pairKey(), t.seed(), t.validationFraction())) {
                heldOut.add(r);
            } else {
                train.add(RunData.example(r));
            }
        }
        if (train.size() < MIN_TRAINING || heldOut.size() < MIN_HELD_OUT) {
            throw new IllegalStateException(
                    "too little data on scale %s by %s: %d training and %d held-out rows (need %d and %d)"
                            .formatted(
                                    t.scale(),
                                    t.method().wireName(),
                                    train.size(),
                                    heldOut.size(),
                                    MIN_TRAINING,
                                    MIN_HELD_OUT));
        }
        return new RunData(train, new HeldOut(heldOut), skippedFlagged);
    }
}
