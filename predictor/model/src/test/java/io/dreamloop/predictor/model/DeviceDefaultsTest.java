package io.dreamloop.predictor.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceDefaultsTest {

    @Test
    void aGpuScoresInLargerBatchesThanACpu() {
        assertThat(DeviceDefaults.scoringBatchSize(Device.cpu())).isEqualTo(64);
        assertThat(DeviceDefaults.scoringBatchSize(Device.gpu(0))).isEqualTo(1024);
        assertThat(DeviceDefaults.scoringBatchSize(Device.gpu(1))).isEqualTo(1024);
    }

    @Test
    void cudnnAutotuningIsOnByDefaultOnlyOnAGpu() {
        assertThat(DeviceDefaults.cudnnBenchmark(Device.cpu())).isFalse();
        assertThat(DeviceDefaults.cudnnBenchmark(Device.gpu(0))).isTrue();
    }

    @Test
    void switchingCudnnAutotuningIsHarmlessOnTheCpuEngineAndSetsDjlsProperty() {
        final String before = System.getProperty(DeviceDefaults.CUDNN_BENCHMARK_PROPERTY);
        try {
            DeviceDefaults.applyCudnnBenchmark(true);
            assertThat(System.getProperty(DeviceDefaults.CUDNN_BENCHMARK_PROPERTY))
                    .isEqualTo("true");
            DeviceDefaults.applyCudnnBenchmark(false);
            assertThat(System.getProperty(DeviceDefaults.CUDNN_BENCHMARK_PROPERTY))
                    .isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(DeviceDefaults.CUDNN_BENCHMARK_PROPERTY);
            } else {
                System.setProperty(DeviceDefaults.CUDNN_BENCHMARK_PROPERTY, before);
            }
        }
    }
}
