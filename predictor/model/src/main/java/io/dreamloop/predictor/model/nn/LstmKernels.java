package io.dreamloop.predictor.model.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whether libtorch's inference LSTM kernel can be trusted for a shape, checked once per input
 * width, hidden size, data type and device against its training kernel.
 *
 * <p>Why: outside grad mode libtorch 2.7.1 sends a CPU LSTM to oneDNN's inference kernels, whose
 * AVX-512 versions compute wrong outputs on AMD EPYC (Zen 4 and Zen 5) for some sizes and not
 * others: hidden 1-16, 33, 40, 48 and 100 were off by 0.08-1.9, while 17, 24, 31, 32, 64 and 320
 * (DREAM-RNN's sizes) were right to 3e-7 (right everywhere with {@code DNNL_MAX_CPU_ISA=AVX2},
 * which halves DREAM-CNN's speed). No rule fits those sizes, so the kernels are compared on the
 * machine that runs them. In grad mode libtorch takes the training kernels, which are right and, on
 * this 2-core machine, up to ten times slower at batch 256; so a shape that passes runs the
 * inference kernel, and one that fails runs in grad mode (parameters that require no gradient
 * record no graph).
 */
final class LstmKernels {
    private static final System.Logger LOG = System.getLogger(LstmKernels.class.getName());
    private static final int[] PROBE_BATCHES = {3, 67};
    private static final int PROBE_LENGTH = 9;
    private static final Map<Key, Boolean> TRUSTED = new ConcurrentHashMap<>();

    private LstmKernels() {}

    private record Key(long input, long hidden, DataType type, Device device) {}

    /**
     * @return whether a one-layer bidirectional LSTM from {@code input} to {@code hidden} units per
     *     direction gives the same outputs outside grad mode as in it, on {@code manager}'s device
     *     in {@code type}
     */
    static boolean inferenceKernelAgrees(
            final NDManager manager, final long input, final long hidden, final DataType type) {
        return TRUSTED.computeIfAbsent(
                new Key(input, hidden, type, manager.getDevice()), key -> agrees(manager, key));
    }

    private static boolean agrees(final NDManager parent, final Key key) {
        try (NDManager manager = parent.newSubManager()) {
            final Random random = new Random(2022);
            final NDList weights = weights(manager, key, random);
            double worst = 0;
            for (final int batch : PROBE_BATCHES) {
                final Shape shape = new Shape(batch, PROBE_LENGTH, key.input());
                final NDArray x = uniform(manager, shape, 1, random).toType(key.type(), false);
                final float[] training = run(x, weights, key.hidden(), true);
                final float[] inference = run(x, weights, key.hidden(), false);
                for (int i = 0; i < training.length; i++) {
                    worst = Math.max(worst, Math.abs(training[i] - inference[i]));
                }
            }
            final boolean agrees = worst <= tolerance(key.type());
            if (!agrees) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "libtorch's inference LSTM kernel is off by up to {0} for input {1},"
                                + " hidden {2}, {3} on {4}: this LSTM runs the training kernel"
                                + " (right, slower)",
                        worst,
                        key.input(),
                        key.hidden(),
                        key.type(),
                        key.device());
            }
            return agrees;
        }
    }

    private static float[] run(
            final NDArray x, final NDList weights, final long hidden, final boolean gradMode) {
        return inGradMode(
                gradMode,
                () -> {
                    try (NDArray out = BiLstm.call(x, weights, hidden, false)) {
                        return out.toType(DataType.FLOAT32, false).toFloatArray();
                    }
                });
    }

    /** Runs {@code work} with this thread's grad mode set to {@code on}, then restores it. */
    static <T> T inGradMode(final boolean on, final Supplier<T> work) {
        final boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }

    /** {@code [w_ih, w_hh, b_ih, b_hh]} per direction, PyTorch's initialization. */
    private static NDList weights(final NDManager manager, final Key key, final Random random) {
        final long gates = 4 * key.hidden();
        final float bound = (float) (1 / Math.sqrt(key.hidden()));
        final NDList weights = new NDList();
        for (int direction = 0; direction < 2; direction++) {
            for (final Shape shape :
                    new Shape[] {
                        new Shape(gates, key.input()),
                        new Shape(gates, key.hidden()),
                        new Shape(gates),
                        new Shape(gates)
                    }) {
                weights.add(uniform(manager, shape, bound, random).toType(key.type(), false));
            }
        }
        return weights;
    }

    private static NDArray uniform(
            final NDManager manager, final Shape shape, final float bound, final Random random) {
        final float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * random.nextFloat() - 1) * bound;
        }
        return manager.create(values, shape);
    }

    private static double tolerance(final DataType type) {
        return type == DataType.FLOAT32 ? 1e-4 : 1e-2;
    }
}
