package io.dreamloop.predictor.model.scoring;

/**
 * Predictions for a batch, per strand and combined.
 *
 * @param forward expected bin of each sequence as given
 * @param reverse expected bin of each reverse complement
 * @param logitsForward the forward logits, {@code N x 18}, row-major
 * @param logitsReverse the reverse logits, {@code N x 18}, row-major
 */
public record StrandPredictions(
        float[] forward, float[] reverse, float[] logitsForward, float[] logitsReverse) {

    /** The prediction: the mean of the two strands (SPEC §1.7). */
    public float[] mean() {
        final float[] out = new float[forward.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (forward[i] + reverse[i]) / 2f;
        }
        return out;
    }

    public int size() {
        return forward.length;
    }
}
