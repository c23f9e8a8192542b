package io.dreamloop.bench;

import ai.djl.Device;
import io.dreamloop.predictor.model.DeviceChoice;
import picocli.CommandLine.Option;

/**
 * {@code --device} of the benchmarks that run a DJL model: the same names as the predictor's and
 * the trainer's configuration ({@link DeviceChoice}), so the command that measured the CPU here
 * measures the GPU on a GPU node.
 */
final class DeviceOption {
    @Option(
            names = "--device",
            defaultValue = "auto",
            description =
                    "Where the DJL models run: auto (the first GPU the engine sees, else the CPU), cpu, gpu or gpu:N (default ${DEFAULT-VALUE}).")
    String name;

    /** The device asked for; an unknown name or a missing GPU fails before any work. */
    Device device() {
        return DeviceChoice.resolve(name);
    }
}
