package io.dreamloop.predictor.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the models run, as configured by the predictor, the trainer and every benchmark ({@code
 * --device}): {@code auto} (the first GPU when the engine sees one, else the CPU), {@code cpu},
 * {@code gpu} (the first GPU) or {@code gpu:N}. One parser for all of them, so a name means the
 * same device everywhere and a GPU that is not there fails at start-up, not at the first batch.
 */
public final class DeviceChoice {
    private static final Pattern GPU = Pattern.compile("gpu(?::(\\d+))?");

    private DeviceChoice() {}

    /**
     * The device a name asks for on this machine.
     *
     * @throws IllegalArgumentException for an unknown name or a GPU the engine does not see
     */
    public static Device resolve(final String name) {
        return resolve(name, Engine.getInstance().getGpuCount());
    }

    /**
     * The device a name asks for on a machine with {@code gpuCount} GPUs.
     *
     * @throws IllegalArgumentException e.g. {@code device 'gpu:1' asks for GPU 1, but the engine
     *     sees 1 GPU(s) (0 to 0)}
     */
    public static Device resolve(final String name, final int gpuCount) {
        final String n = name.strip();
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("auto")) {
            return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
        }
        final Matcher gpu = GPU.matcher(n);
        if (!gpu.matches()) {
            throw new IllegalArgumentException(
                    "unknown device '%s'; use auto, cpu, gpu or gpu:N".formatted(name));
        }
        final int index = gpu.group(1) == null ? 0 : Integer.parseInt(gpu.group(1));
        if (index >= gpuCount) {
            throw new IllegalArgumentException(
                    "device '%s' asks for GPU %d, but the engine sees %d GPU(s)%s; install DJL's CUDA natives for this machine's CUDA (README, GPU) or use auto or cpu"
                            .formatted(
                                    name,
                                    index,
                                    gpuCount,
                                    gpuCount == 0 ? "" : " (0 to %d)".formatted(gpuCount - 1)));
        }
        return Device.gpu(index);
    }
}
