package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.trainer.config.TrainingMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
    private static final RunSettings CONFIGURED =
            new RunSettings(
                    Architecture.DREAM_CNN,
                    ModelSize.CPU,
                    TrainingMode.FINE_TUNE,
                    12,
                    128,
                    Optional.empty());

    @Test
    void aRequestOverridesOnlyWhatItNames() {
        assertThat(RunSettings.Request.NONE.on(CONFIGURED)).isEqualTo(CONFIGURED);
        final RunSettings run =
                new RunSettings.Request("dream-rnn", "paper", "scratch", 3, 64, 0.001)
                        .on(CONFIGURED);
        assertThat(run)
                .isEqualTo(
                        new RunSettings(
                                Architecture.DREAM_RNN,
                                ModelSize.PAPER,
                                TrainingMode.SCRATCH,
                                3,
                                64,
                                Optional.of(0.001)));
        assertThat(new RunSettings.Request(null, null, null, 5, null, null).on(CONFIGURED).epochs())
                .isEqualTo(5);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(
                        () ->
                                new RunSettings.Request(null, null, "warm", null, null, null)
                                        .on(CONFIGURED))
                .hasMessageContaining("'warm'")
                .hasMessageContaining("fine-tune");
        assertThatThrownBy(
                        () ->
                                new RunSettings.Request(null, null, null, 0, null, null)
                                        .on(CONFIGURED))
                .hasMessage("epochs must be in [1, 1000], but was 0");
        assertThatThrownBy(
                        () ->
                                new RunSettings.Request(null, null, null, null, 0, null)
                                        .on(CONFIGURED))
                .hasMessage("batchSize must be in [1, 65536], but was 0");
        assertThatThrownBy(
                        () ->
                                new RunSettings.Request(null, null, null, null, null, 2.0)
                                        .on(CONFIGURED))
                .hasMessage("maxLr must be in (0, 1], but was 2.0");
        assertThatThrownBy(
                        () ->
                                new RunSettings.Request("dream-gpt", null, null, null, null, null)
                                        .on(CONFIGURED))
                .hasMessageContaining("dream-gpt");
        assertThatThrownBy(
                        () ->
                                new RunSettings.Request(null, "huge", null, null, null, null)
                                        .on(CONFIGURED))
                .hasMessageContaining("huge");
    }
}
