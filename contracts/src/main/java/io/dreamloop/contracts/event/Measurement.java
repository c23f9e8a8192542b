package io.dreamloop.contracts.event;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import java.util.List;
import java.util.Objects;

/**
 * The expression of one sequence in one run.
 *
 * @param memberId the library member
 * @param sequence the full measured sequence (flanks included)
 * @param value expression on the event's scale
 * @param reads reads behind the estimate
 * @param singleton true when the estimate rests on a single cell (the DREAM is_singleton flag)
 * @param qcFlags quality flags, empty when none
 * @param subset the library subset of the member, for evaluation per subset; absent if unknown
 * @param pairId the member's pair in a paired subset (alt and ref share it); absent otherwise
 * @param truth the member's noiseless expression where a simulation knows it (the in-silico lab:
 *     its ground truth on the sort's z scale); absent for a real lab. Pearson and Spearman against
 *     it do not depend on the scale, so a model can be scored against the truth as well as against
 *     the noisy measurement.
 */
public record Measurement(
        String memberId,
        DnaSequence sequence,
        double value,
        long reads,
        boolean singleton,
        @OptionalField List<String> qcFlags,
        @OptionalField Subset subset,
        @OptionalField String pairId,
        @OptionalField Double truth) {
    public Measurement {
        Ids.require(memberId, "memberId");
        Objects.requireNonNull(sequence, "sequence");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    "measurement of '%s' is not finite: %s".formatted(memberId, value));
        }
        if (reads < 0) {
            throw new IllegalArgumentException(
                    "measurement of '%s': reads must be >= 0, but was %d"
                            .formatted(memberId, reads));
        }
        qcFlags = qcFlags == null ? List.of() : List.copyOf(qcFlags);
        if (pairId != null) {
            Ids.require(pairId, "pairId");
        }
        if (truth != null && !Double.isFinite(truth)) {
            throw new IllegalArgumentException(
                    "measurement of '%s': truth is not finite: %s".formatted(memberId, truth));
        }
    }

    /** A measurement with subset information and no known truth (any real lab's). */
    public Measurement(
            final String memberId,
            final DnaSequence sequence,
            final double value,
            final long reads,
            final boolean singleton,
            final List<String> qcFlags,
            final Subset subset,
            final String pairId) {
        this(memberId, sequence, value, reads, singleton, qcFlags, subset, pairId, null);
    }

    /** A measurement without subset information. */
    public Measurement(
            final String memberId,
            final DnaSequence sequence,
            final double value,
            final long reads,
            final boolean singleton,
            final List<String> qcFlags) {
        this(memberId, sequence, value, reads, singleton, qcFlags, null, null, null);
    }
}
