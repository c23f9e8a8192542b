package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingDivergedException;
import io.dreamloop.training.TrainingJob;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DivergenceRetryTest {
    private static final TrainingJob JOB =
            TrainingJob.fromScratch(
                    "dream-cnn-1",
                    Architecture.DREAM_CNN,
                    DjlModels.configuration(Architecture.DREAM_CNN, ModelSize.CPU),
                    Recipe.dream(Architecture.DREAM_CNN).withMaxLr(0.008));

    @Test
    void aJobThatTrainsIsTrainedOnce() throws Exception {
        final List<Double> rates = new ArrayList<>();
        final DivergenceRetry.Trained<String> trained =
                DivergenceRetry.train("run", JOB, j -> record(rates, j, 0));
        assertThat(trained.result()).isEqualTo("trained at 0.008");
        assertThat(trained.job()).isEqualTo(JOB);
        assertThat(rates).containsExactly(0.008);
    }

    @Test
    void eachDivergenceHalvesThePeakRateFromTheSameStart() throws Exception {
        final List<Double> rates = new ArrayList<>();
        final DivergenceRetry.Trained<String> trained =
                DivergenceRetry.train("run", JOB, j -> record(rates, j, 2));
        assertThat(rates).containsExactly(0.008, 0.004, 0.002);
        assertThat(trained.result()).isEqualTo("trained at 0.002");
        assertThat(trained.job().recipe().maxLr()).isEqualTo(0.002);
        assertThat(trained.job().recipe().epochs()).isEqualTo(JOB.recipe().epochs());
        assertThat(trained.job().modelVersion()).isEqualTo(JOB.modelVersion());
    }

    @Test
    void theThirdDivergenceFailsTheRun() {
        final List<Double> rates = new ArrayList<>();
        assertThatThrownBy(() -> DivergenceRetry.train("run", JOB, j -> record(rates, j, 5)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("diverged at 0.002");
        assertThat(rates).hasSize(DivergenceRetry.MAX_ATTEMPTS);
    }

    /** Diverges the first {@code divergences} times it is called. */
    private static String record(
            final List<Double> rates, final TrainingJob job, final int divergences) {
        rates.add(job.recipe().maxLr());
        if (rates.size() <= divergences) {
            throw new TrainingDivergedException("diverged at " + job.recipe().maxLr());
        }
        return "trained at " + job.recipe().maxLr();
    }
}
