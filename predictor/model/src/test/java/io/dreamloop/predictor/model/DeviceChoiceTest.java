package io.dreamloop.predictor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    @Test
    void autoTakesTheFirstGpuWhenThereIsOneElseTheCpu() {
        assertThat(DeviceChoice.resolve("auto", 0)).isEqualTo(Device.cpu());
        assertThat(DeviceChoice.resolve("auto", 2)).isEqualTo(Device.gpu(0));
    }

    @Test
    void cpuAndNamedGpusAreTheDevicesTheyName() {
        assertThat(DeviceChoice.resolve(" cpu ", 2)).isEqualTo(Device.cpu());
        assertThat(DeviceChoice.resolve("gpu", 2)).isEqualTo(Device.gpu(0));
        assertThat(DeviceChoice.resolve("gpu:1", 2)).isEqualTo(Device.gpu(1));
    }

    @Test
    void aGpuTheEngineDoesNotSeeFailsAtOnceAndSaysWhatToDo() {
        assertThatThrownBy(() -> DeviceChoice.resolve("gpu", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "device 'gpu' asks for GPU 0, but the engine sees 0 GPU(s); install DJL's CUDA natives");
        assertThatThrownBy(() -> DeviceChoice.resolve("gpu:2", 2))
                .hasMessageStartingWith(
                        "device 'gpu:2' asks for GPU 2, but the engine sees 2 GPU(s) (0 to 1)");
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThatThrownBy(() -> DeviceChoice.resolve("cuda", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown device 'cuda'; use auto, cpu, gpu or gpu:N");
        assertThatThrownBy(() -> DeviceChoice.resolve("gpu:x", 1))
                .hasMessage("unknown device 'gpu:x'; use auto, cpu, gpu or gpu:N");
    }

    @Test
    void theCpuIsThereWhateverTheMachine() {
        assertThat(DeviceChoice.resolve("cpu")).isEqualTo(Device.cpu());
    }
}
