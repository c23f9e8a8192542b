package io.dreamloop.trainer.service;

import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingProgress;
import io.dreamloop.training.TrainingResult;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Executes one queued run on the training thread: reads and splits its data, plans its job, trains
 * (again at a lower rate after a divergence), reviews the result under the champion policy and
 * publishes it. A run that fails or is cancelled is marked so and changes nothing else.
 */
@ApplicationScoped
public class RunExecutor {
    /** The units a run goes through, in order. */
    record Steps(
            TrainingData data,
            JobPlanner planner,
            ModelTraining training,
            ChampionReview review,
            ModelPublishing publishing) {}

    private final TrainerConfig config;
    private final ModelRegistry registry;
    private final RunStatus status;
    private final Transactions transactions;
    private final Steps steps;

    @Inject
    public RunExecutor(
            final TrainerConfig config,
            final ModelRegistry registry,
            final RunStatus status,
            final Transactions transactions,
            final TrainingData data,
            final JobPlanner planner,
            final ChampionReview review,
            final ModelPublishing publishing) {
        this(
                config,
                registry,
                status,
                transactions,
                new Steps(
                        data,
                        planner,
                        ModelTraining.dream(config.training().device()),
                        review,
                        publishing));
    }

    RunExecutor(
            final TrainerConfig config,
            final ModelRegistry registry,
            final RunStatus status,
            final Transactions transactions,
            final Steps steps) {
        this.config = config;
        this.registry = registry;
        this.status = status;
        this.transactions = transactions;
        this.steps = steps;
    }

    /**
     * Executes a run to its end; never throws.
     *
     * @param member the campaign member trained, or null outside campaigns
     * @return how it ended
     */
    TrainingMetrics.Outcome execute(
            final String runId,
            final CampaignMember member,
            final RunSettings settings,
            final BooleanSupplier cancelled) {
        final long started = System.nanoTime();
        TrainingMetrics.Outcome outcome = TrainingMetrics.Outcome.FAILED;
        status.executing();
        try {
            train(runId, member, settings, cancelled);
            outcome = TrainingMetrics.Outcome.SUCCEEDED;
        } catch (final TrainingCancelledException e) {
            outcome = TrainingMetrics.Outcome.CANCELLED;
            status.cancelled(runId, e);
        } catch (final RuntimeException e) {
            status.failed(runId, e);
        } finally {
            status.ended(outcome, System.nanoTime() - started);
        }
        return outcome;
    }

    private void train(
            final String runId,
            final CampaignMember member,
            final RunSettings settings,
            final BooleanSupplier cancelled)
            throws TrainingCancelledException {
        final RunData data =
                transactions.call(
                        () -> steps.data().read(member == null ? null : member.campaignId()));
        status.running(runId, data);
        final ModelStore store = new ModelStore(Path.of(config.training().store()));
        final Optional<ModelVersionEntity> champion = transactions.call(registry::champion);
        final TrainingJob planned = steps.planner().plan(runId, settings, member, champion, store);
        final Consumer<TrainingProgress> progress = status.listener(runId);
        final DivergenceRetry.Trained<TrainingResult> trained =
                DivergenceRetry.train(
                        runId,
                        planned,
                        job -> steps.training().train(store, job, data, progress, cancelled));
        final TrainingResult result = trained.result();
        final ChampionReview.Review review =
                steps.review().review(result, data.heldOut(), store, member);
        steps.publishing()
                .publish(candidate(runId, trained, champion, store, member), data, review);
        Log.infof(
                "run %s: %s (best epoch %d) %s",
                runId,
                result.manifest().modelVersion(),
                result.bestEpoch(),
                review.decision().reason());
    }

    /** The trained version; its parent is the champion it fine-tuned, if it did. */
    private static ModelPublishing.Candidate candidate(
            final String runId,
            final DivergenceRetry.Trained<TrainingResult> trained,
            final Optional<ModelVersionEntity> champion,
            final ModelStore store,
            final CampaignMember member) {
        final String parent =
                trained.job().fineTuning()
                        ? champion.map(ModelVersionEntity::version).orElse(null)
                        : null;
        final String sha256 = trained.result().manifest().sha256();
        return new ModelPublishing.Candidate(
                runId,
                trained.job(),
                trained.result().manifest(),
                parent,
                store.uri(sha256).toString(),
                member);
    }
}
