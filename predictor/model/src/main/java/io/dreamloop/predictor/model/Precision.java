package io.dreamloop.predictor.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The number type models are served and evaluated in, as configured by the predictor ({@code
 * dreamloop.predictor.scoring.precision}), the trainer ({@code
 * dreamloop.trainer.training.precision}, for scoring only: training stays float32) and every DJL
 * benchmark ({@code --precision}). One owner of the names, of their DJL type and of what the engine
 * can run, beside {@link DeviceChoice}, so a name or combination the engine cannot run fails at
 * start-up with the reason.
 *
 * <p>What libtorch 2.7.1 runs through DJL 0.35.1 (measured on the CPU here, {@code
 * ReducedPrecisionTest}, {@code bench scoring --precision}):
 *
 * <ul>
 *   <li>{@code float32} everywhere;
 *   <li>{@code float16} on the CPU and on GPUs: all three architectures run on the CPU in float16
 *       (PyTorch 2.x has CPU half kernels for conv, linear, LSTM, batch norm and softmax), within
 *       1e-3 of float32 in the expected bin at cpu size and 2e-3 for the trained paper-size
 *       DREAM-CNN, but slower than float32 there (0.4-0.9x, no tensor cores): it is for GPUs;
 *   <li>{@code bfloat16} nowhere: DJL's JNI maps DJL types to libtorch's only up to {@code
 *       COMPLEX64} ({@code GetScalarTypeFromDType} in {@code djl_pytorch_utils.h}), so the first
 *       bfloat16 array, on any device, ends in a bare C++ {@code throw;} and aborts the JVM
 *       ("terminate called without an active exception", seen here). The name is known so that
 *       asking for it fails with this reason instead of as an unknown word.
 * </ul>
 */
public enum Precision {
    /** 32-bit IEEE floats, as models are trained and stored. */
    FLOAT32("float32", DataType.FLOAT32),
    /** 16-bit IEEE floats: 10 mantissa bits, range to 65504; tensor cores on CUDA GPUs. */
    FLOAT16("float16", DataType.FLOAT16),
    /** bfloat16: float32's range with 7 mantissa bits; not reachable through DJL 0.35.1. */
    BFLOAT16("bfloat16", DataType.BFLOAT16);

    private final String wireName;
    private final DataType dataType;

    Precision(final String wireName, final DataType dataType) {
        this.wireName = wireName;
        this.dataType = dataType;
    }

    /** The configuration name: {@code float32}, {@code float16} or {@code bfloat16}. */
    public String wireName() {
        return wireName;
    }

    /** The DJL type of parameters and inputs. */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The precision a configuration name asks for.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Precision fromWireName(final String name) {
        final String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.wireName.equals(n))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown precision '%s'; use %s".formatted(name, names())));
    }

    private static String names() {
        return Arrays.stream(values()).map(Precision::wireName).collect(Collectors.joining(", "));
    }

    /**
     * This precision, after checking that the engine runs it on a device; call it before any array
     * of this type exists (a bfloat16 array aborts the JVM).
     *
     * @throws IllegalArgumentException for bfloat16, on any device, with the reason
     */
    public Precision requireSupportedOn(final Device device) {
        if (this == BFLOAT16) {
            throw new IllegalArgumentException(
                    "precision bfloat16 cannot run on %s: DJL 0.35.1's PyTorch JNI has no bfloat16 type (an array of it aborts the JVM); use float16 or float32"
                            .formatted(device));
        }
        return this;
    }
}
