package io.dreamloop.bench;

import ai.djl.Device;
import io.dreamloop.predictor.model.DeviceChoice;
import io.dreamloop.predictor.model.DeviceDefaults;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --device} of the benchmarks that run a DJL model: the same names as the predictor's and
 * the trainer's configuration ({@link DeviceChoice}), so the command that measured the CPU here
 * measures the GPU on a GPU node. An unknown name or a GPU the engine does not see is a usage
 * error, before any work. {@code --cudnn-benchmark} switches cuDNN autotuning as the services'
 * {@code cudnn-benchmark} does (absent: on for a GPU, {@link DeviceDefaults}); it is applied when
 * the device is first asked for, before any model loads.
 */
final class DeviceOption {
    @Option(
            names = "--device",
            defaultValue = "auto",
            converter = Named.class,
            description =
                    "Where the DJL models run: auto (the first GPU the engine sees, else the CPU), cpu, gpu or gpu:N (default ${DEFAULT-VALUE}).")
    Device device;

    @Option(
            names = "--cudnn-benchmark",
            arity = "1",
            description =
                    "cuDNN autotuning, true or false (default: true on a GPU, false on the CPU, where it does nothing).")
    Boolean cudnnBenchmark;

    private boolean applied;

    /** The device asked for, with cuDNN autotuning set for it. */
    Device device() {
        if (!applied) {
            DeviceDefaults.applyCudnnBenchmark(cudnnBenchmark());
            applied = true;
        }
        return device;
    }

    /** Whether cuDNN autotuning is on: as asked, else the device's default. */
    boolean cudnnBenchmark() {
        return cudnnBenchmark != null ? cudnnBenchmark : DeviceDefaults.cudnnBenchmark(device);
    }

    /** Reads a device name as the services' configuration does. */
    static final class Named implements ITypeConverter<Device> {
        @Override
        public Device convert(final String name) {
            try {
                return DeviceChoice.resolve(name);
            } catch (final IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
