package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import org.junit.jupiter.api.Test;

class TrainingDefaultsTest {
    @Test
    void theTrainingDefaultsNameAKnownArchitectureAndSize() {
        assertThat(TrainingDefaults.architecture()).isEqualTo(Architecture.DREAM_CNN);
        assertThat(TrainingDefaults.size()).isEqualTo(ModelSize.CPU);
        assertThat(TrainingDefaults.recipe(Architecture.DREAM_CNN).batchSize()).isEqualTo(128);
    }
}
