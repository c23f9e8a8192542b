package io.dreamloop.predictor.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * What depends on the device a service resolved ({@link DeviceChoice}) when the configuration
 * leaves it open: the batch per forward pass and cuDNN's autotuning. One owner, so the predictor,
 * the trainer and the benchmarks pick the same defaults for the same device.
 */
public final class DeviceDefaults {
    /**
     * Scoring batch on a CPU: on this 2-core machine 64 is fastest (121 sequences/s for the
     * DREAM-CNN against 66 at 256); larger batches only hold more intermediate arrays.
     */
    public static final int CPU_SCORING_BATCH = 64;

    /**
     * Scoring batch on a GPU: a GPU needs large batches to fill its cores (the reference validates
     * with 4096); 1024 fills an A100/H100 with the paper-size models while a pass's intermediates
     * stay a few GiB.
     */
    public static final int GPU_SCORING_BATCH = 1024;

    /** The system property DJL's PyTorch engine reads at start-up (PtEngine). */
    public static final String CUDNN_BENCHMARK_PROPERTY = "ai.djl.pytorch.cudnn_benchmark";

    private DeviceDefaults() {}

    /** The scoring batch for a device when none is configured. */
    public static int scoringBatchSize(final Device device) {
        return device.isGpu() ? GPU_SCORING_BATCH : CPU_SCORING_BATCH;
    }

    /**
     * Whether cuDNN autotuning is on when not configured: on for a GPU. Our inputs have one shape
     * (batch, 6, 150) apart from a last partial batch, so cuDNN's one search per shape pays off at
     * once (it doubled DREAM-CNN scoring speed on an H200); it changes nothing on a CPU.
     */
    public static boolean cudnnBenchmark(final Device device) {
        return device.isGpu();
    }

    /**
     * Switches cuDNN autotuning ({@code torch.backends.cudnn.benchmark}) for the whole process, as
     * libtorch keeps it in its global context: through the engine now, and through DJL's system
     * property for an engine started later. Autotuned kernels may differ from run to run in the
     * last bits; training seeds do not make a GPU run bit-repeatable either way.
     */
    public static void applyCudnnBenchmark(final boolean enabled) {
        System.setProperty(CUDNN_BENCHMARK_PROPERTY, Boolean.toString(enabled));
        Engine.getEngine("PyTorch");
        JniUtils.setBenchmarkCuDNN(enabled);
    }
}
