package io.dreamloop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
        return total == null ? 0 : total.getFloat();
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
