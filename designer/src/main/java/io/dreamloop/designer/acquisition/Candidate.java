package io.dreamloop.designer.acquisition;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.Arrays;
import java.util.Objects;

/**
 * A sequence that could be measured, with one prediction per model of an ensemble.
 *
 * @param sequence the sequence
 * @param predictions the ensemble's predictions, at least one, all finite
 */
public record Candidate(DnaSequence sequence, double[] predictions) {

    /**
     * @throws IllegalArgumentException when there is no prediction or one is not finite
     */
    public Candidate {
        Objects.requireNonNull(sequence, "sequence");
        predictions = Objects.requireNonNull(predictions, "predictions").clone();
        if (predictions.length == 0) {
            throw new IllegalArgumentException("candidate " + sequence + " has no prediction");
        }
        for (final double p : predictions) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException(
                        "candidate %s has a non-finite prediction: %s"
                                .formatted(sequence, Arrays.toString(predictions)));
            }
        }
    }

    @Override
    public double[] predictions() {
        return predictions.clone();
    }

    /** The ensemble's mean prediction. */
    public double mean() {
        double sum = 0;
        for (final double p : predictions) {
            sum += p;
        }
        return sum / predictions.length;
    }

    /** The ensemble's standard deviation (population form); 0 for one model. */
    public double sd() {
        final double mean = mean();
        double sum = 0;
        for (final double p : predictions) {
            sum += (p - mean) * (p - mean);
        }
        return Math.sqrt(sum / predictions.length);
    }

    /** The prediction of model {@code i}. */
    public double prediction(final int i) {
        return predictions[i];
    }

    /** Models in the ensemble. */
    public int models() {
        return predictions.length;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Candidate c
                && sequence.equals(c.sequence)
                && Arrays.equals(predictions, c.predictions);
    }

    @Override
    public int hashCode() {
        return 31 * sequence.hashCode() + Arrays.hashCode(predictions);
    }

    @Override
    public String toString() {
        return "Candidate[" + sequence + ", " + Arrays.toString(predictions) + "]";
    }
}
