package io.dreamloop.predictor.model.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.SequenceEncoding;
import java.util.Arrays;
import java.util.List;

/**
 * One strand of a batch as the models read it: {@link SequenceEncoding#predictionBatch} placed in
 * an array of shape {@code (N, CHANNELS, LENGTH)}. Scoring, validation during training and the
 * benchmarks build their inputs here, so the input's shape is written once.
 */
public final class EncodedBatch {
    private EncodedBatch() {}

    /**
     * @param manager owns the array (close it, or a sub-manager, after the forward pass)
     * @param reverse the reverse-complement strand instead of the forward one
     */
    public static NDArray of(
            final NDManager manager,
            final SequenceEncoding encoding,
            final List<DnaSequence> batch,
            final boolean reverse) {
        return manager.create(
                encoding.predictionBatch(batch, reverse),
                new Shape(batch.size(), SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
    }

    /**
     * Both strands of a batch as one array {@code (2N, CHANNELS, LENGTH)}: rows {@code 0..N-1} the
     * forward strands, rows {@code N..2N-1} the reverse complements in the same order. One forward
     * pass and one readback score both (rows are independent in evaluation mode).
     *
     * @param manager owns the array (close it, or a sub-manager, after the forward pass)
     */
    public static NDArray bothStrands(
            final NDManager manager,
            final SequenceEncoding encoding,
            final List<DnaSequence> batch) {
        final float[] forward = encoding.predictionBatch(batch, false);
        final float[] reverse = encoding.predictionBatch(batch, true);
        final float[] both = Arrays.copyOf(forward, forward.length + reverse.length);
        System.arraycopy(reverse, 0, both, forward.length, reverse.length);
        return manager.create(
                both,
                new Shape(2L * batch.size(), SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
    }
}
