package io.dreamloop.trainer.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finished run read, reconstructed after the fact for lineage: the measurements on its scale
 * and method recorded before it was queued (a campaign run: of its campaign only), split by the
 * held-out rule ({@link HeldOut#heldOut}) with its seed and validation fraction.
 *
 * <p>A run reads its data when it starts, which is at or after it was queued; a measurement
 * recorded in between was read but is not claimed here, so lineage never names a model that did not
 * see the sequence.
 *
 * @param scale the run's training scale
 * @param method the run's estimation method
 * @param campaignId the campaign it trained for, or null (then every measurement counts)
 * @param queuedAt when the run was queued
 * @param seed the held-out rule's seed
 * @param validationFraction the held-out rule's fraction
 */
public record TrainingScope(
        String scale,
        String method,
        String campaignId,
        Instant queuedAt,
        long seed,
        double validationFraction) {

    /** The role of a measurement the model trained on. */
    public static final String TRAINING = "training";

    /** The role of a measurement the model was evaluated on. */
    public static final String HELD_OUT = "held-out";

    /**
     * The role of a measurement of its campaign's test library: never trained on, every cycle's
     * ensemble is scored on it.
     */
    public static final String TEST_LIBRARY = "test-library";

    public TrainingScope {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(queuedAt, "queuedAt");
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validationFraction must be in (0, 1), but was " + validationFraction);
        }
    }

    /**
     * One measurement as the rule needs it.
     *
     * @param sequence the full measured sequence
     * @param pairKey {@code <run>/<pair>} for a pair member, else null
     * @param scale its scale
     * @param method its estimation method
     * @param campaignId its campaign, or null
     * @param testLibrary true when it measures its campaign's test library
     * @param recordedAt when it was stored
     */
    public record Measured(
            String sequence,
            String pairKey,
            String scale,
            String method,
            String campaignId,
            boolean testLibrary,
            Instant recordedAt) {
        public Measured {
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(scale, "scale");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    /**
     * {@link #TRAINING} or {@link #HELD_OUT} if the run read the measurement, {@link #TEST_LIBRARY}
     * if it measures the test library of the run's campaign, else empty.
     */
    public Optional<String> role(final Measured m) {
        if (m.testLibrary()) {
            return campaignId != null
                            && campaignId.equals(m.campaignId())
                            && m.scale().equals(scale)
                            && m.method().equals(method)
                    ? Optional.of(TEST_LIBRARY)
                    : Optional.empty();
        }
        if (!m.scale().equals(scale)
                || !m.method().equals(method)
                || (campaignId != null && !campaignId.equals(m.campaignId()))
                || !m.recordedAt().isBefore(queuedAt)) {
            return Optional.empty();
        }
        return Optional.of(
                HeldOut.heldOut(m.sequence(), m.pairKey(), seed, validationFraction)
                        ? HELD_OUT
                        : TRAINING);
    }
}
