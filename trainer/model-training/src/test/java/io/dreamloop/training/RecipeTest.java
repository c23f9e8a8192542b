package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.predictor.model.Architecture;
import org.junit.jupiter.api.Test;

class RecipeTest {

    @Test
    void theReferenceRecipePerArchitecture() {
        final Recipe cnn = Recipe.dream(Architecture.DREAM_CNN);
        assertThat(cnn).isEqualTo(new Recipe(0.005, 0.01, 1024, 80, 4096, 42));
        assertThat(Recipe.dream(Architecture.DREAM_RNN)).isEqualTo(cnn);
        assertThat(Recipe.dream(Architecture.DREAM_ATTN).maxLr()).isEqualTo(0.001);
    }

    @Test
    void stepsPerEpochCountTheShortLastBatch() {
        final Recipe r = Recipe.dream(Architecture.DREAM_CNN).withBatchSize(64).withEpochs(3);
        assertThat(r.stepsPerEpoch(1800)).isEqualTo(29);
        assertThat(r.stepsPerEpoch(64)).isEqualTo(1);
        assertThat(r.schedule(1800).totalSteps()).isEqualTo(87);
        assertThat(r.optimizer(1800).schedule().maxLr()).isEqualTo(0.005);
    }

    @Test
    void rejectsValuesOutOfRange() {
        final Recipe r = Recipe.dream(Architecture.DREAM_CNN);
        assertThatThrownBy(() -> r.withMaxLr(-1))
                .hasMessage("maxLr must be positive and finite, but was -1.0");
        assertThatThrownBy(() -> r.withWeightDecay(Double.NaN))
                .hasMessage("weightDecay must be >= 0 and finite, but was NaN");
        assertThatThrownBy(() -> r.withBatchSize(0))
                .hasMessage("batchSize must be >= 1, but was 0");
        assertThatThrownBy(() -> r.withEpochs(0)).hasMessage("epochs must be >= 1, but was 0");
        assertThatThrownBy(() -> r.withValidationBatchSize(-3))
                .hasMessage("validationBatchSize must be >= 1, but was -3");
        assertThatThrownBy(() -> r.stepsPerEpoch(0))
                .hasMessage("need at least 1 training example, but got 0");
    }
}
