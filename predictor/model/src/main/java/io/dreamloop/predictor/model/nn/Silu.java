package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.pytorch.jni.JniUtils;

/**
 * SiLU, {@code x * sigmoid(x)} (swish with beta 1), with as few full-size arrays as the pass
 * allows. DJL's {@code Activation.swish(x, 1)} computes {@code x * 1}, its sigmoid and the product:
 * three arrays the size of {@code x} and three passes over memory where PyTorch's fused SiLU makes
 * one. Outside grad mode (inference: no graph is recorded) the product goes into the sigmoid's
 * array in place; in grad mode sigmoid's backward needs its output, so the product is a new array.
 * Unlike {@code swish}, it multiplies by no number, whose backward would read freed memory ({@link
 * Scalars}).
 */
public final class Silu {
    private Silu() {}

    /** {@code x * sigmoid(x)}. */
    public static NDArray apply(final NDArray x) {
        final NDArray sigmoid = x.getNDArrayInternal().sigmoid();
        if (isPyTorch(x) && !JniUtils.isGradMode()) {
            return sigmoid.muli(x);
        }
        final NDArray out = x.mul(sigmoid);
        sigmoid.close();
        return out;
    }

    /** SiLU as a parameterless block, in place of {@code Activation.swishBlock(1f)}. */
    public static Block block() {
        return new LambdaBlock(list -> new NDList(apply(list.singletonOrThrow())), "SiLU");
    }

    private static boolean isPyTorch(final NDArray x) {
        return "PyTorch".equals(x.getManager().getEngine().getEngineName());
    }
}
