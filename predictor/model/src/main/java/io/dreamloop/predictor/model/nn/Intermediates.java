package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Frees a forward pass's intermediate arrays as the pass goes, as PyTorch does, instead of when the
 * caller's scope closes.
 *
 * <p>Why: DJL attaches every array an operation makes to the manager of its input and frees it only
 * when that manager closes, so a forward pass held every intermediate to its end: at batch 1024
 * DREAM-CNN grew by 8 times the memory of the PyTorch reference, and the fresh memory each pass
 * asked the system for cost time at large batches ({@code bench architectures}).
 *
 * <p>Safe in training as well: closing an array frees its Java handle; the autograd graph holds its
 * own reference to every tensor backward needs, so those live on until backward is done.
 */
final class Intermediates {
    private Intermediates() {}

    /**
     * Runs {@code block} and frees every array it made on the way except its outputs. The outputs
     * it made belong to the caller's scope, if one is open (so a caller that does not close them
     * still frees them when its own scope ends); {@code inputs} stay the caller's.
     */
    static NDList forward(
            final Block block,
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDList outputs;
        try (NDScope scope = new NDScope()) {
            outputs = block.forward(parameterStore, inputs, training, params);
            for (final NDArray output : outputs) {
                NDScope.unregister(output);
            }
        }
        for (final NDArray output : outputs) {
            if (!containsAny(output, inputs)) {
                NDScope.register(output);
            }
        }
        return outputs;
    }

    /**
     * Runs {@code work} and frees every array it made except the one it returns, which belongs to
     * the caller's scope, if one is open.
     */
    static NDArray scoped(final Supplier<NDArray> work) {
        final NDArray out;
        try (NDScope scope = new NDScope()) {
            out = work.get();
            NDScope.unregister(out);
        }
        NDScope.register(out);
        return out;
    }

    /**
     * Runs {@code blocks} one after the other, each on the previous one's outputs, freeing what
     * each made and, once consumed, each one's outputs; {@code inputs} stay the caller's.
     */
    static NDList chain(
            final List<? extends Block> blocks,
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        NDList current = inputs;
        for (final Block block : blocks) {
            final NDList next = forward(block, parameterStore, current, training, params);
            if (current != inputs) {
                release(current, next);
            }
            current = next;
        }
        return current;
    }

    /**
     * Closes the arrays of {@code used} that are not among {@code kept} (a block may hand an input
     * on unchanged, as dropout does outside training).
     */
    static void release(final NDList used, final NDList... kept) {
        for (final NDArray array : used) {
            if (!containsAny(array, kept)) {
                array.close();
            }
        }
    }

    private static boolean containsAny(final NDArray array, final NDList... lists) {
        for (final NDList list : lists) {
            for (final NDArray kept : list) {
                if (kept == array) {
                    return true;
                }
            }
        }
        return false;
    }
}
