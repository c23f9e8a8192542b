package io.dreamloop.trainer.service;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.DeviceChoice;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.config.TrainingMode;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingJob;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a run's job: its version name, from scratch or fine-tuning the champion, and the DREAM
 * recipe with the run's settings. A campaign member always trains from scratch with its own seed.
 */
@ApplicationScoped
public class JobPlanner {
    private static final String RUN_PREFIX = "train-";

    private final TrainerConfig config;

    @Inject
    public JobPlanner(final TrainerConfig config) {
        this.config = config;
    }

    /**
     * The job of run {@code runId}, its lineage naming the run.
     *
     * @param member the campaign member trained, or null outside campaigns
     * @param champion the registered champion, fine-tuned when the settings ask for it and it fits
     */
    TrainingJob plan(
            final String runId,
            final RunSettings settings,
            final CampaignMember member,
            final Optional<ModelVersionEntity> champion,
            final ModelStore store) {
        final String version = version(runId, settings.architecture(), member);
        final TrainingJob job =
                member == null
                        ? job(version, settings, champion, store, runId)
                        : campaignJob(version, settings, member);
        return job.withLineage(Map.of(ServedChampions.TRAINING_RUN, runId));
    }

    /**
     * {@code <architecture>-<stamp>}, or {@code <campaign>-c<cycle>-m<member>-<stamp>}, the stamp
     * being the run id's without dashes.
     */
    static String version(
            final String runId, final Architecture architecture, final CampaignMember member) {
        final String stamp = runId.substring(RUN_PREFIX.length()).replace("-", "");
        return member == null
                ? architecture.wireName() + "-" + stamp
                : "%s-c%d-m%d-%s"
                        .formatted(member.campaignId(), member.cycle(), member.index(), stamp);
    }

    private TrainingJob job(
            final String version,
            final RunSettings settings,
            final Optional<ModelVersionEntity> champion,
            final ModelStore store,
            final String runId) {
        final Architecture architecture = settings.architecture();
        final Recipe recipe = recipe(settings, config.training().seed());
        final Record configuration = configuration(settings);
        if (settings.mode() == TrainingMode.FINE_TUNE && champion.isPresent()) {
            final ModelManifest parent = store.manifest(champion.get().artifactSha256());
            if (parent.architecture().equals(architecture.wireName())
                    && DjlModels.configurationRecord(architecture, parent.configuration())
                            .equals(configuration)) {
                return TrainingJob.fineTune(version, parent, recipe);
            }
            Log.infof(
                    "run %s: champion %s is another architecture or size; training from scratch",
                    runId, champion.get().version());
        }
        return TrainingJob.fromScratch(version, architecture, configuration, recipe);
    }

    /**
     * A campaign member trains from scratch with its own seed: the ensemble's members differ in
     * their initial weights and shuffles, which is what their disagreement measures.
     */
    private TrainingJob campaignJob(
            final String version, final RunSettings settings, final CampaignMember member) {
        final Recipe recipe = recipe(settings, config.training().seed() + member.index());
        return TrainingJob.fromScratch(
                        version, settings.architecture(), configuration(settings), recipe)
                .withLineage(
                        Map.of(
                                "campaign", member.campaignId(),
                                "cycle", Integer.toString(member.cycle()),
                                "ensembleMember", member.index() + "/" + member.size()));
    }

    /**
     * The DREAM recipe with the run's epochs, batch and peak rate (the recipe's unless one is set).
     */
    private Recipe recipe(final RunSettings settings, final long seed) {
        final Recipe base =
                Recipe.dream(settings.architecture())
                        .withEpochs(settings.epochs())
                        .withBatchSize(settings.batchSize())
                        .withValidationBatchSize(validationBatchSize())
                        .withSeed(seed);
        return base.withMaxLr(settings.maxLr().orElse(base.maxLr()));
    }

    /** The configured validation batch, else the device's (resolved only then). */
    private int validationBatchSize() {
        return config.training()
                .validationBatchSize()
                .orElseGet(
                        () ->
                                config.training()
                                        .validationBatchSizeOn(
                                                DeviceChoice.resolve(config.training().device())));
    }

    private static Record configuration(final RunSettings settings) {
        return DjlModels.configuration(settings.architecture(), settings.size());
    }
}
