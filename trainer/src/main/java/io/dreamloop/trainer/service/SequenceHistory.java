package io.dreamloop.trainer.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The trainer's lineage of one sequence, as {@code GET /dataset/sequences/{sequence}} answers: its
 * measurements and the registered models whose data included it. Both lists are empty for a
 * sequence never measured.
 *
 * @param sequence the sequence asked about
 * @param measurements its measurements, oldest first
 * @param models the versions that read it, newest first
 * @param unlisted measurements that match but are not listed (a search by part of a sequence lists
 *     at most its limit)
 */
public record SequenceHistory(
        String sequence, List<Measurement> measurements, List<ModelUse> models, long unlisted) {
    public SequenceHistory {
        Objects.requireNonNull(sequence, "sequence");
        measurements = List.copyOf(measurements);
        models = List.copyOf(models);
    }

    /**
     * One measurement.
     *
     * @param runId the sequencing run ({@code file-...} for an uploaded DREAM file)
     * @param libraryId the library
     * @param memberId the member (the line number for a DREAM file)
     * @param method the estimation method
     * @param scale the expression scale
     * @param value the expression
     * @param campaignId the campaign, or null
     * @param cycle the campaign cycle, or null
     * @param recordedAt when the trainer stored it
     */
    public record Measurement(
            String runId,
            String libraryId,
            String memberId,
            String method,
            String scale,
            double value,
            String campaignId,
            Integer cycle,
            Instant recordedAt) {}

    /**
     * A model version whose data included the sequence.
     *
     * @param version the version
     * @param trainingRun the run that made it
     * @param role {@code training} if it trained on any of the sequence's measurements, {@code
     *     held-out} if it was only evaluated on them
     * @param champion whether it is the champion now
     * @param createdAt when it was registered
     */
    public record ModelUse(
            String version, String trainingRun, String role, boolean champion, Instant createdAt) {}
}
