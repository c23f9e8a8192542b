package io.dreamloop.bench;

import ai.djl.Device;
import io.dreamloop.predictor.model.DeviceChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --device} of the benchmarks that run a DJL model: the same names as the predictor's and
 * the trainer's configuration ({@link DeviceChoice}), so the command that measured the CPU here
 * measures the GPU on a GPU node. An unknown name or a GPU the engine does not see is a usage
 * error, before any work.
 */
final class DeviceOption {
    @Option(
            names = "--device",
            defaultValue = "auto",
            converter = Named.class,
            description =
                    "Where the DJL models run: auto (the first GPU the engine sees, else the CPU), cpu, gpu or gpu:N (default ${DEFAULT-VALUE}).")
    Device device;

    /** The device asked for. */
    Device device() {
        return device;
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
