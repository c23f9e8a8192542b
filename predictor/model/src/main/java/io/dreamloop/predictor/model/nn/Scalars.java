package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplying or dividing by a constant, safe where a backward pass follows. This class is the one
 * way model and loss code does it.
 *
 * <p>Why not DJL's {@code x.mul(0.5f)}: on the PyTorch engine, {@code NDArray.mul(Number)} (and
 * {@code div}, {@code pow}, {@code maximum}, {@code minimum}, and {@code Activation.swish}, which
 * calls {@code mul(beta)}) wraps the number in a 0-d array over a Java direct buffer ({@code
 * torch::from_blob}, no copy on CPU), runs the operation and closes that array. In grad mode the
 * operation's backward node keeps the 0-d tensor to compute the gradient. After the close, nothing
 * on the Java side holds the buffer. Once a garbage collection runs, the buffer's cleaner frees the
 * memory, and the backward pass multiplies by whatever the allocator wrote there. On this project's
 * machines, {@code x.mul(2f)} followed by {@code System.gc()} gave {@code x}'s gradient as 6.9e-41
 * in 20 of 20 tries instead of 2 ({@code ./dreamloop bench nan-hunt --scalars}). Within a training
 * run this happens only when a collection falls between the forward and the backward pass, and the
 * gradient comes out tiny, huge, negated or NaN. This was the source of the rare non-finite
 * gradients, and of the silently different steps, seen in training runs.
 *
 * <p>Here the constant is a 0-d array that libtorch allocates itself ({@code NDManager.full}). The
 * backward node's reference keeps that memory alive, so the array can be closed at once. Addition
 * and subtraction by a number are safe as DJL does them: their backward needs no operand.
 */
public final class Scalars {
    private Scalars() {}

    /** {@code x * value}, with a gradient that does not depend on Java memory. */
    public static NDArray mul(final NDArray x, final float value) {
        try (NDArray scalar = scalar(x, value)) {
            return x.mul(scalar);
        }
    }

    /** {@code x / value}, with a gradient that does not depend on Java memory. */
    public static NDArray div(final NDArray x, final float value) {
        try (NDArray scalar = scalar(x, value)) {
            return x.div(scalar);
        }
    }

    private static NDArray scalar(final NDArray x, final float value) {
        return x.getManager().full(new Shape(), value, x.getDataType());
    }
}
