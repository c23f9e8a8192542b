package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.trainer.config.ChampionPolicy;
import io.dreamloop.trainer.config.TrainingMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringSetupTest {

    @Test
    void theConfiguredValidationBatchScoresStoredModels() {
        final ScoringSetup setup = ScoringSetup.of(Fakes.config("store").training());
        assertThat(setup.device()).isEqualTo(Device.cpu());
        assertThat(setup.precision()).isSameAs(Precision.FLOAT32);
        assertThat(setup.batchSize()).isEqualTo(64);
    }

    @Test
    void withoutAConfiguredBatchTheDeviceDecides() {
        // Fakes.Config's component type resolves to the inherited TrainerConfig.Training.
        final Fakes.Training configured =
                (Fakes.Training)
                        Fakes.config(
                                        "store",
                                        TrainingMode.SCRATCH,
                                        ChampionPolicy.ALWAYS,
                                        ChampionPolicy.NEVER)
                                .training();
        final Fakes.Training open =
                new Fakes.Training(
                        configured.architecture(),
                        configured.size(),
                        configured.mode(),
                        configured.every(),
                        configured.scale(),
                        configured.method(),
                        configured.files(),
                        configured.epochs(),
                        configured.batchSize(),
                        Optional.empty(),
                        configured.maxLr(),
                        configured.validationFraction(),
                        configured.seed(),
                        configured.store(),
                        configured.championPolicy());
        assertThat(open.validationBatchSizeOn(Device.cpu())).isEqualTo(256);
        assertThat(open.validationBatchSizeOn(Device.gpu(0))).isEqualTo(1024);
        assertThat(configured.validationBatchSizeOn(Device.gpu(0))).isEqualTo(64);
    }

    @Test
    void aPrecisionTheEngineCannotRunIsRefusedBeforeAnyModelLoads() {
        assertThatThrownBy(() -> new ScoringSetup(Device.cpu(), Precision.BFLOAT16, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bfloat16 type");
        assertThatThrownBy(() -> new ScoringSetup(Device.cpu(), Precision.FLOAT16, 0))
                .hasMessage("batchSize must be >= 1, but was 0");
    }
}
