package io.dreamloop.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.dreamloop.predictor.model.nn.Scalars;
import java.util.function.UnaryOperator;

/**
 * The smallest reproducer of the wrong gradients, for a DJL maintainer: {@code y = x * 2} in grad
 * mode, a garbage collection, then {@code y.sum()}'s backward; {@code x}'s gradient must be 2.
 * DJL's {@code x.mul(2f)} keeps the 2 in a Java direct buffer that it has already let go of, so the
 * collection frees it before the backward pass reads it. {@link Scalars#mul} is the same product
 * with the 2 in memory that libtorch owns; it runs beside DJL's as the reference.
 */
final class NanHuntScalars {
    private static final float[] X = {1f, -2f, 3.5f};
    private static final float FACTOR = 2f;

    private NanHuntScalars() {}

    /**
     * @return the tries in which {@link Scalars#mul}'s gradient was wrong (0 when it works)
     */
    static int run(final int tries) throws InterruptedException {
        int djlWrong = 0;
        int ownWrong = 0;
        System.out.printf(
                "x = [1, -2, 3.5], y = x * %s, System.gc() between forward and backward;"
                        + " x's gradient must be %s%n",
                FACTOR, FACTOR);
        System.out.printf("%-5s %-22s %-22s%n", "try", "DJL x.mul(2f)", "Scalars.mul(x, 2f)");
        for (int i = 1; i <= tries; i++) {
            final float djl = gradient(x -> x.mul(FACTOR));
            final float own = gradient(x -> Scalars.mul(x, FACTOR));
            djlWrong += djl == FACTOR ? 0 : 1;
            ownWrong += own == FACTOR ? 0 : 1;
            System.out.printf("%-5d %-22s %-22s%n", i, djl, own);
        }
        System.out.printf(
                "wrong gradients: DJL %d of %d, Scalars %d of %d%n",
                djlWrong, tries, ownWrong, tries);
        return ownWrong;
    }

    private static float gradient(final UnaryOperator<NDArray> op) throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            final NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                final NDArray y = op.apply(x);
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(20); // the cleaner thread frees what the collection found
                }
                collector.backward(y.sum());
            }
            return x.getGradient().toFloatArray()[0];
        }
    }
}
