package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's {@link SequentialBlock} (same children, same parameter names) that frees each child's
 * intermediates and consumed outputs as it goes ({@link Intermediates}).
 */
final class ReleasingSequentialBlock extends SequentialBlock {

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        return Intermediates.chain(
                getChildren().values(), parameterStore, inputs, training, params);
    }
}
