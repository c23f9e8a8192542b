package io.dreamloop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The finiteness checks of a training step over a block's gradients: the one the loop skips a step
 * on, and the one that says which parameters were hit. The NaN reproducer ({@code bench nan-hunt})
 * repeats the first.
 */
public final class Gradients {

    private Gradients() {}

    /**
     * The squared L2 norm of all gradients, summed on the device and read once: NaN or infinite
     * when any gradient is. The gradients are attached to {@code scope}.
     */
    public static double normSquared(final Block block, final NDManager scope) {
        final NDArray total = normSquaredArray(block, scope);
        return total == null ? 0 : total.getFloat();
    }

    /**
     * {@code [loss, squared L2 norm of all gradients]} read back in one transfer (one sync with the
     * device per training step instead of two); the norm is 0 when no parameter has a gradient.
     */
    public static float[] withNormSquared(
            final Block block, final NDManager scope, final NDArray loss) {
        final NDArray total = normSquaredArray(block, scope);
        final NDArray norm = total == null ? scope.zeros(new Shape(1), loss.getDataType()) : total;
        return NDArrays.concat(
                        new NDList(
                                loss.reshape(1), norm.toType(loss.getDataType(), false).reshape(1)))
                .toFloatArray();
    }

    /** The summed squared gradients on the device, or null when no parameter has a gradient. */
    private static NDArray normSquaredArray(final Block block, final NDManager scope) {
        NDArray total = null;
        for (final Parameter parameter : block.getParameters().values()) {
            final NDArray weight = parameter.getArray();
            if (!parameter.requiresGradient() || !weight.hasGradient()) {
                continue;
            }
            final NDArray gradient = weight.getGradient();
            gradient.attach(scope);
            final NDArray squares = gradient.square().sum();
            total = total == null ? squares : total.add(squares);
        }
        return total;
    }

    /**
     * The names of the parameters whose gradients hold a value whose square is not finite (NaN,
     * infinite, or so large that Adam's second moment would overflow), input first.
     */
    public static List<String> nonFinite(final Block block, final NDManager scope) {
        final List<String> out = new ArrayList<>();
        block.getParameters()
                .forEach(
                        p -> {
                            final NDArray weight = p.getValue().getArray();
                            if (p.getValue().requiresGradient() && weight.hasGradient()) {
                                final NDArray gradient = weight.getGradient();
                                gradient.attach(scope);
                                final NDArray squares = gradient.square();
                                if (squares.isNaN()
                                        .logicalOr(squares.isInfinite())
                                        .any()
                                        .getBoolean()) {
                                    out.add(p.getKey());
                                }
                            }
                        });
        return out;
    }
}
