package io.dreamloop.trainer.service;

import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.config.TrainingMode;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What REST and messaging call to train: decides when a run starts (on request, every N new
 * measurements, a campaign cycle's complete measurements), stores it as queued and hands it to the
 * {@link RunQueue}, whose thread runs it with the {@link RunExecutor}. The executor trains, reviews
 * the version under the champion policy ({@link ChampionReview}) and publishes it ({@link
 * ModelPublishing}); until that last step nothing changes: a run that fails, is cancelled or dies
 * with the process leaves the previous champion serving.
 */
@ApplicationScoped
public class TrainingService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TrainerConfig config;
    private final MeasurementStore measurements;
    private final ModelRegistry registry;
    private final TrainingMetrics metrics;
    private final CampaignEvaluation evaluation;
    private final RunQueue queue;
    private final RunExecutor executor;
    private final Transactions transactions;

    @Inject
    public TrainingService(
            final TrainerConfig config,
            final MeasurementStore measurements,
            final ModelRegistry registry,
            final TrainingMetrics metrics,
            final CampaignEvaluation evaluation,
            final RunQueue queue,
            final RunExecutor executor,
            final Transactions transactions) {
        this.config = config;
        this.measurements = measurements;
        this.registry = registry;
        this.metrics = metrics;
        this.evaluation = evaluation;
        this.queue = queue;
        this.executor = executor;
        this.transactions = transactions;
    }

    /** Runs a crash left unfinished are marked failed: their work is gone. */
    void onStart(@Observes final StartupEvent start) {
        final List<CampaignMember> interrupted = transactions.call(this::failUnfinished);
        // A campaign waits for its cycle's models: train the interrupted members again.
        interrupted.forEach(
                m ->
                        start(
                                "campaign %s cycle %d (restarted)"
                                        .formatted(m.campaignId(), m.cycle()),
                                m,
                                campaignSettings()));
        // Cycles a crash left unscored on their test library.
        evaluation.campaignsWithTestLibrary().forEach(this::queueEvaluation);
    }

    private List<CampaignMember> failUnfinished() {
        final List<CampaignMember> members = new ArrayList<>();
        for (final TrainingRunEntity r : registry.unfinished()) {
            r.finish(
                    TrainingRunEntity.State.FAILED,
                    "interrupted: the trainer stopped during the run; the champion did not change",
                    null);
            CampaignMember.of(r).ifPresent(members::add);
        }
        return members;
    }

    /** Scores a campaign's cycles on its test library on the training thread, after its runs. */
    private void queueEvaluation(final String campaignId) {
        queue.enqueueEvaluation(campaignId, () -> evaluation.evaluatePending(campaignId));
    }

    /**
     * Queues a run.
     *
     * @param trigger why, e.g. {@code request} or {@code 1000 new measurements}
     * @return the run's id
     */
    public String start(final String trigger) {
        return start(trigger, RunSettings.Request.NONE);
    }

    /**
     * Queues a run with the settings a request overrides; the settings are checked before the run
     * is stored.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public String start(final String trigger, final RunSettings.Request request) {
        return start(trigger, null, request.on(RunSettings.of(config.training())));
    }

    /**
     * Trains a campaign cycle's ensemble once the cycle's measurements are complete: called after
     * each measurements chunk has committed. Members that already ran or are queued are not started
     * again, so a re-delivered chunk starts nothing.
     */
    public void afterMeasurements(final MeasurementsRecorded chunk) {
        if (!trainedOn(chunk)) {
            return;
        }
        final Lineage lineage = chunk.header().lineage();
        if (lineage.ofTestLibrary()) {
            // The test library is in: score the cycles that trained before it arrived.
            if (transactions.call(() -> measurements.complete(chunk.runId(), chunk.method()))) {
                queueEvaluation(lineage.campaignId());
            }
            return;
        }
        if (lineage.campaignId() == null || lineage.cycle() == null) {
            return;
        }
        transactions
                .call(() -> dueMembers(chunk))
                .forEach(
                        m ->
                                start(
                                        "campaign %s cycle %d, run %s complete"
                                                .formatted(
                                                        m.campaignId(), m.cycle(), chunk.runId()),
                                        m,
                                        campaignSettings()));
    }

    /** True when the chunk is on the scale and by the method this trainer trains on. */
    private boolean trainedOn(final MeasurementsRecorded chunk) {
        return chunk.method().equals(config.training().method().wireName())
                && chunk.scale().wireName().equals(config.training().scale());
    }

    /** The cycle's members not yet run or queued, once its run's measurements are complete. */
    private List<CampaignMember> dueMembers(final MeasurementsRecorded chunk) {
        if (!measurements.complete(chunk.runId(), chunk.method())) {
            return List.of();
        }
        final Lineage lineage = chunk.header().lineage();
        final int size = config.campaign().ensemble();
        final List<CampaignMember> out = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            if (!registry.hasCampaignRun(lineage.campaignId(), lineage.cycle(), k)) {
                out.add(new CampaignMember(lineage.campaignId(), lineage.cycle(), k, size));
            }
        }
        return out;
    }

    /** A campaign's members train from scratch, each with the trainer's other settings. */
    private RunSettings campaignSettings() {
        final RunSettings configured = RunSettings.of(config.training());
        return new RunSettings(
                configured.architecture(),
                configured.size(),
                TrainingMode.SCRATCH,
                configured.epochs(),
                configured.batchSize(),
                configured.maxLr());
    }

    private String start(
            final String trigger, final CampaignMember member, final RunSettings settings) {
        final String runId =
                "train-"
                        + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP)
                        + "-"
                        + Long.toHexString(System.nanoTime() & 0xffffff);
        transactions.run(() -> registry.add(queued(runId, trigger, member, settings)));
        metrics.started();
        // The run's log lines and its model-published event carry the trace that started it.
        queue.enqueue(runId, cancelled -> execute(runId, member, settings, cancelled));
        return runId;
    }

    private void execute(
            final String runId,
            final CampaignMember member,
            final RunSettings settings,
            final BooleanSupplier cancelled) {
        if (executor.execute(runId, member, settings, cancelled)
                        == TrainingMetrics.Outcome.SUCCEEDED
                && member != null) {
            queueEvaluation(member.campaignId());
        }
    }

    private TrainingRunEntity queued(
            final String runId,
            final String trigger,
            final CampaignMember member,
            final RunSettings settings) {
        final TrainingRunEntity run =
                new TrainingRunEntity(
                                runId,
                                trigger,
                                settings.architecture().wireName(),
                                settings.mode().wireName(),
                                settings.epochs(),
                                measurements.count())
                        .withSettings(
                                settings.size().wireName(),
                                settings.batchSize(),
                                settings.maxLr().orElse(null));
        return member == null
                ? run
                : run.forCampaign(
                        member.campaignId(), member.cycle(), member.index(), member.size());
    }

    /**
     * Asks a run to stop; it stops before its next batch.
     *
     * @return false when the run is not queued or running in this process
     */
    public boolean cancel(final String runId) {
        return queue.cancel(runId);
    }

    /**
     * Starts a run when automatic training is on, no run is active, and enough new measurements
     * arrived since the last run. Call after the measurements' transaction has committed.
     */
    public void maybeStartAfterNewMeasurements() {
        final long every = config.training().every();
        if (every <= 0 || !queue.idle()) {
            return;
        }
        final long since =
                transactions.call(() -> measurements.count() - registry.measurementsAtLastRun());
        if (since >= every) {
            start("%,d new measurements".formatted(since));
        }
    }
}
