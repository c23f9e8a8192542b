package io.dreamloop.predictor.model.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.SequenceEncoding;
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
}
