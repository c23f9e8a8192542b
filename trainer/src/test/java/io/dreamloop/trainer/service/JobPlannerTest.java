package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.trainer.config.ChampionPolicy;
import io.dreamloop.trainer.config.TrainingMode;
import io.dreamloop.training.TrainingJob;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPlannerTest {
    private static final String RUN = "train-20261207-124000-abc123";

    @TempDir Path store;

    @Test
    void aVersionIsNamedByArchitectureOrCampaignMemberAndTheRunsStamp() {
        assertThat(JobPlanner.version(RUN, Architecture.DREAM_CNN, null))
                .isEqualTo("dream-cnn-20261207124000abc123");
        assertThat(
                        JobPlanner.version(
                                RUN, Architecture.DREAM_CNN, new CampaignMember("camp", 2, 1, 3)))
                .isEqualTo("camp-c2-m1-20261207124000abc123");
    }

    @Test
    void aRunTrainsWithItsSettingsAndItsLineageNamesTheRun() {
        final RunSettings settings =
                new RunSettings(
                        Architecture.DREAM_CNN,
                        ModelSize.CPU,
                        TrainingMode.SCRATCH,
                        5,
                        16,
                        Optional.of(0.002));
        final TrainingJob job = plan(settings, null, TrainingMode.SCRATCH);
        assertThat(job.fineTuning()).isFalse();
        assertThat(job.recipe().epochs()).isEqualTo(5);
        assertThat(job.recipe().batchSize()).isEqualTo(16);
        assertThat(job.recipe().validationBatchSize()).isEqualTo(64);
        assertThat(job.recipe().maxLr()).isEqualTo(0.002);
        assertThat(job.recipe().seed()).isEqualTo(42);
        assertThat(job.lineage()).containsEntry(ServedChampions.TRAINING_RUN, RUN);
    }

    @Test
    void fineTuningWithoutAChampionTrainsFromScratch() {
        final TrainingJob job =
                plan(settings(TrainingMode.FINE_TUNE), null, TrainingMode.FINE_TUNE);
        assertThat(job.fineTuning()).isFalse();
        assertThat(job.modelVersion()).isEqualTo("dream-cnn-20261207124000abc123");
    }

    @Test
    void aCampaignMemberTrainsFromScratchWithItsOwnSeedAndCampaignLineage() {
        final TrainingJob job =
                plan(
                        settings(TrainingMode.SCRATCH),
                        new CampaignMember("camp", 2, 1, 3),
                        TrainingMode.SCRATCH);
        assertThat(job.fineTuning()).isFalse();
        assertThat(job.recipe().seed()).isEqualTo(43);
        assertThat(job.lineage())
                .containsEntry("campaign", "camp")
                .containsEntry("cycle", "2")
                .containsEntry("ensembleMember", "1/3")
                .containsEntry(ServedChampions.TRAINING_RUN, RUN);
    }

    private TrainingJob plan(
            final RunSettings settings, final CampaignMember member, final TrainingMode mode) {
        final JobPlanner planner =
                new JobPlanner(
                        Fakes.config(
                                store.toString(),
                                mode,
                                ChampionPolicy.NOT_WORSE,
                                ChampionPolicy.ALWAYS));
        return planner.plan(RUN, settings, member, Optional.empty(), new ModelStore(store));
    }

    private static RunSettings settings(final TrainingMode mode) {
        return new RunSettings(
                Architecture.DREAM_CNN, ModelSize.CPU, mode, 2, 32, Optional.empty());
    }
}
