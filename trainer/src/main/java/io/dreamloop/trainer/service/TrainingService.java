package io.dreamloop.trainer.service;

import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.platform.messaging.EventPublisher;
import io.dreamloop.platform.trace.TraceContext;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.training.DreamDataset;
import io.dreamloop.training.DreamTrainer;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingDivergedException;
import io.dreamloop.training.TrainingExample;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingProgress;
import io.dreamloop.training.TrainingResult;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.config.TrainingMode;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import io.dreamloop.trainer.persistence.TrainingRow;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs training, one at a time on a background thread. A run reads the data set in a transaction of
 * its own, trains with the DREAM recipe, evaluates the new version and the champion the predictor
 * serves ({@link ServedChampions}) on the same held-out rows by the challenge's scores, registers
 * it and publishes model-published; the champion moves only if the policy allows ({@link
 * ChampionDecision}). Until that last step nothing changes: a run that fails, is cancelled or dies
 * with the process leaves the previous champion serving.
 */
@ApplicationScoped
public class TrainingService {
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private static final int MAX_ATTEMPTS = 3;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TrainerConfig config;
    private final MeasurementStore measurements;
    private final ModelRegistry registry;
    private final EventPublisher publisher;
    private final TrainingMetrics metrics;
    private final ServedChampions served;
    private final CampaignEvaluation evaluation;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(
                    r -> {
                        final Thread t = new Thread(r, "dreamloop-training");
                        t.setDaemon(true);
                        return t;
                    });
    private final Map<String, AtomicBoolean> cancels = new ConcurrentHashMap<>();

    @Inject
    public TrainingService(
            final TrainerConfig config,
            final MeasurementStore measurements,
            final ModelRegistry registry,
            final EventPublisher publisher,
            final TrainingMetrics metrics,
            final ServedChampions served,
            final CampaignEvaluation evaluation) {
        this.metrics = metrics;
        this.evaluation = evaluation;
        this.served = served;
        this.config = config;
        this.measurements = measurements;
        this.registry = registry;
        this.publisher = publisher;
    }

    /** Runs a crash left unfinished are marked failed: their work is gone. */
    void onStart(@Observes final StartupEvent start) {
        final List<CampaignMember> interrupted =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    final List<CampaignMember> members = new ArrayList<>();
                                    for (final TrainingRunEntity r : registry.unfinished()) {
                                        r.finish(
                                                TrainingRunEntity.State.FAILED,
                                                "interrupted: the trainer stopped during the run; the champion did not change",
                                                null);
                                        CampaignMember.of(r).ifPresent(members::add);
                                    }
                                    return members;
                                });
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

    /**
     * Scores a campaign's cycles on its test library on the training thread (after the runs queued
     * before it), so evaluation never competes with training for the cores.
     */
    private void queueEvaluation(final String campaignId) {
        try {
            executor.submit(
                    TraceContext.wrap(
                            () -> {
                                try {
                                    evaluation.evaluatePending(campaignId);
                                } catch (final RuntimeException e) {
                                    Log.errorf(
                                            e,
                                            "campaign %s: scoring on the test library failed",
                                            campaignId);
                                }
                            }));
        } catch (final RejectedExecutionException e) {
            // Shutting down: the next start scores what is left (onStart).
            Log.infof(
                    "campaign %s: scoring on the test library left for the next start", campaignId);
        }
    }

    /**
     * One member of a campaign cycle's ensemble.
     *
     * @param campaignId the campaign
     * @param cycle the cycle whose measurements complete the training data
     * @param index the member, 0-based (its seed offset)
     * @param size the ensemble's size
     */
    public record CampaignMember(String campaignId, int cycle, int index, int size) {
        static Optional<CampaignMember> of(final TrainingRunEntity run) {
            return run.campaignId() == null
                    ? Optional.empty()
                    : Optional.of(
                            new CampaignMember(
                                    run.campaignId(),
                                    run.cycle(),
                                    run.ensembleIndex(),
                                    run.ensembleSize()));
        }
    }

    void onStop(@Observes final ShutdownEvent stop) {
        cancels.values().forEach(c -> c.set(true));
        executor.shutdownNow();
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
        final Lineage lineage = chunk.header().lineage();
        if (lineage.ofTestLibrary()
                && chunk.method().equals(config.training().method().wireName())
                && chunk.scale().wireName().equals(config.training().scale())) {
            // The test library is in: score the cycles that trained before it arrived.
            if (QuarkusTransaction.requiringNew()
                    .call(() -> measurements.complete(chunk.runId(), chunk.method()))) {
                queueEvaluation(lineage.campaignId());
            }
            return;
        }
        if (lineage.campaignId() == null
                || lineage.cycle() == null
                || !chunk.method().equals(config.training().method().wireName())
                || !chunk.scale().wireName().equals(config.training().scale())) {
            return;
        }
        final int size = config.campaign().ensemble();
        final List<CampaignMember> due =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    if (!measurements.complete(chunk.runId(), chunk.method())) {
                                        return List.<CampaignMember>of();
                                    }
                                    final List<CampaignMember> out = new ArrayList<>();
                                    for (int k = 0; k < size; k++) {
                                        if (!registry.hasCampaignRun(
                                                lineage.campaignId(), lineage.cycle(), k)) {
                                            out.add(
                                                    new CampaignMember(
                                                            lineage.campaignId(),
                                                            lineage.cycle(),
                                                            k,
                                                            size));
                                        }
                                    }
                                    return out;
                                });
        due.forEach(
                m ->
                        start(
                                "campaign %s cycle %d, run %s complete"
                                        .formatted(m.campaignId(), m.cycle(), chunk.runId()),
                                m,
                                campaignSettings()));
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
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                registry.add(
                                        campaign(
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
                                                                settings.maxLr().orElse(null)),
                                                member)));
        cancels.put(runId, new AtomicBoolean());
        metrics.started();
        // The run's log lines and its model-published event carry the trace that started it.
        executor.submit(TraceContext.wrap(() -> execute(runId, member, settings)));
        return runId;
    }

    private static TrainingRunEntity campaign(
            final TrainingRunEntity run, final CampaignMember member) {
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
        final AtomicBoolean flag = cancels.get(runId);
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }

    /**
     * Starts a run when automatic training is on, no run is active, and enough new measurements
     * arrived since the last run. Call after the measurements' transaction has committed.
     */
    public void maybeStartAfterNewMeasurements() {
        final long every = config.training().every();
        if (every <= 0 || !cancels.isEmpty()) {
            return;
        }
        final long since =
                QuarkusTransaction.requiringNew()
                        .call(() -> measurements.count() - registry.measurementsAtLastRun());
        if (since >= every) {
            start("%,d new measurements".formatted(since));
        }
    }

    private void execute(
            final String runId, final CampaignMember member, final RunSettings settings) {
        final long started = System.nanoTime();
        TrainingMetrics.Outcome outcome = TrainingMetrics.Outcome.FAILED;
        metrics.running();
        try {
            final Data data =
                    QuarkusTransaction.requiringNew()
                            .call(() -> data(member == null ? null : member.campaignId()));
            update(
                    runId,
                    r ->
                            r.running(
                                    data.train().size(),
                                    data.heldOut().rows().size(),
                                    data.skippedFlagged()));
            final Architecture architecture = settings.architecture();
            final ModelStore store = new ModelStore(Path.of(config.training().store()));
            final Optional<ModelVersionEntity> champion =
                    QuarkusTransaction.requiringNew().call(registry::champion);
            final String stamp = runId.substring("train-".length()).replace("-", "");
            final String version =
                    member == null
                            ? architecture.wireName() + "-" + stamp
                            : "%s-c%d-m%d-%s"
                                    .formatted(
                                            member.campaignId(),
                                            member.cycle(),
                                            member.index(),
                                            stamp);
            TrainingJob job =
                    (member == null
                                    ? job(version, settings, champion, store, runId)
                                    : campaignJob(version, settings, member))
                            .withLineage(Map.of(ServedChampions.TRAINING_RUN, runId));
            final Throttle throttle = new Throttle(PROGRESS_EVERY_NANOS);
            TrainingResult result = null;
            for (int attempt = 1; result == null; attempt++) {
                try {
                    result =
                            new DreamTrainer(store)
                                    .train(
                                            job,
                                            DreamDataset.of(data.train()),
                                            DreamDataset.of(examples(data.heldOut().rows())),
                                            p -> progress(runId, p, throttle),
                                            cancels.get(runId)::get);
                } catch (final TrainingDivergedException e) {
                    if (attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    // Five non-finite steps in a row (a single bad backward pass is skipped by
                    // the loop): the weights themselves diverged. Same start, half the peak rate.
                    Log.warnf(
                            "run %s: %s; retrying with peak learning rate %.2g",
                            runId, e.getMessage(), job.recipe().maxLr() / 2);
                    job = job.withRecipe(job.recipe().withMaxLr(job.recipe().maxLr() / 2));
                }
            }
            publish(runId, job, result, data, champion, store, member);
            outcome = TrainingMetrics.Outcome.SUCCEEDED;
            if (member != null) {
                queueEvaluation(member.campaignId());
            }
        } catch (final TrainingCancelledException e) {
            outcome = TrainingMetrics.Outcome.CANCELLED;
            update(
                    runId,
                    r ->
                            r.finish(
                                    TrainingRunEntity.State.CANCELLED,
                                    "cancelled at epoch %d, step %d; the champion did not change"
                                            .formatted(e.epoch(), e.step()),
                                    null));
        } catch (final RuntimeException e) {
            Log.errorf(e, "training run %s failed", runId);
            update(
                    runId,
                    r ->
                            r.finish(
                                    TrainingRunEntity.State.FAILED,
                                    e.getMessage() == null ? e.toString() : e.getMessage(),
                                    null));
        } finally {
            cancels.remove(runId);
            metrics.finished(outcome, System.nanoTime() - started);
        }
    }

    /** The training rows and the held-out rows (about one in ten, by a hash of the sequence). */
    private Data data(final String campaignId) {
        final String scale = config.training().scale();
        final String method = config.training().method().wireName();
        final Set<String> excluded = config.dataset().excludedFlags();
        final List<TrainingRow> rows =
                new ArrayList<>(measurements.trainingRows(scale, method, campaignId, excluded));
        final long skipped = measurements.flaggedCount(scale, method, campaignId, excluded);
        if (campaignId == null) {
            for (final String file : config.training().files().orElse(List.of())) {
                rows.addAll(DreamFiles.read(Path.of(file)));
            }
        }
        final List<TrainingExample> train = new ArrayList<>();
        final List<TrainingRow> heldOut = new ArrayList<>();
        for (final TrainingRow r : rows) {
            if (HeldOut.heldOut(
                    r.sequence(),
                    r.pairKey(),
                    config.training().seed(),
                    config.training().validationFraction())) {
                heldOut.add(r);
            } else {
                train.add(new TrainingExample(DnaSequence.of(r.sequence()), r.value()));
            }
        }
        if (train.size() < 10 || heldOut.size() < 3) {
            throw new IllegalStateException(
                    "too little data on scale %s by %s: %d training and %d held-out rows (need 10 and 3)"
                            .formatted(
                                    config.training().scale(),
                                    config.training().method().wireName(),
                                    train.size(),
                                    heldOut.size()));
        }
        return new Data(train, new HeldOut(heldOut), skipped);
    }

    /**
     * A run's data.
     *
     * @param skippedFlagged measurements left out for their lab QC flags
     */
    private record Data(List<TrainingExample> train, HeldOut heldOut, long skippedFlagged) {}

    private static List<TrainingExample> examples(final List<TrainingRow> rows) {
        return rows.stream()
                .map(r -> new TrainingExample(DnaSequence.of(r.sequence()), r.value()))
                .toList();
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
                        .withValidationBatchSize(config.training().validationBatchSize())
                        .withSeed(seed);
        return base.withMaxLr(settings.maxLr().orElse(base.maxLr()));
    }

    private static Record configuration(final RunSettings settings) {
        return DjlModels.configuration(settings.architecture(), settings.size());
    }

    private void progress(final String runId, final TrainingProgress p, final Throttle throttle) {
        metrics.progress(p);
        final boolean epochEnd = !Double.isNaN(p.validationR());
        if (!throttle.pass(epochEnd)) {
            return;
        }
        if (epochEnd && p.epoch() == 0) {
            Log.infof("run %s: before training, validation r %.4f", runId, p.validationR());
        } else if (epochEnd) {
            Log.infof(
                    "run %s: epoch %d/%d, loss %.4f, validation r %.4f, %.1f examples/s",
                    runId, p.epoch(), p.epochs(), p.loss(), p.validationR(), p.examplesPerSecond());
        }
        // The run's epoch counts finished epochs, so its validation r always belongs to it.
        final int finished = epochEnd ? p.epoch() : Math.max(0, p.epoch() - 1);
        update(
                runId,
                r ->
                        r.progress(
                                finished,
                                p.step(),
                                p.totalSteps(),
                                p.loss(),
                                p.validationR(),
                                p.examplesPerSecond()));
    }

    /**
     * Evaluates the new version and the champion the predictor serves on the same held-out rows,
     * registers and publishes; the champion moves only under the policy ({@link ChampionDecision}).
     */
    private void publish(
            final String runId,
            final TrainingJob job,
            final TrainingResult result,
            final Data data,
            final Optional<ModelVersionEntity> champion,
            final ModelStore store,
            final CampaignMember member) {
        final ModelManifest manifest = result.manifest();
        if (!Double.isFinite(result.bestValidationR())) {
            throw new IllegalStateException(
                    "training diverged: validation r is %s at every epoch; lower dreamloop.trainer.training.max-lr or raise batch-size"
                            .formatted(result.bestValidationR()));
        }
        final ChallengeScore score =
                ServedChampions.score(store, manifest.sha256(), data.heldOut());
        final double r = score.all().r();
        final ChampionDecision decision =
                ChampionDecision.decide(
                        member == null
                                ? config.training().championPolicy()
                                : config.campaign().championPolicy(),
                        r,
                        served.evaluate(store, data.heldOut()));
        final boolean becomesChampion = decision.becomesChampion();
        final Map<String, Double> metrics = ScoreMetrics.of("", score);
        if (decision.servedR() != null) {
            metrics.put("champion.pearson.all", decision.servedR());
        }
        final EventCodec json = EventCodec.instance();
        final String parent =
                job.fineTuning() ? champion.map(ModelVersionEntity::version).orElse(null) : null;
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            registry.register(
                                    new ModelVersionEntity(
                                            manifest.modelVersion(),
                                            parent,
                                            manifest.architecture(),
                                            text(json, manifest.configuration()),
                                            text(json, job.recipe()),
                                            text(
                                                    json,
                                                    Map.of(
                                                            "scale", config.training().scale(),
                                                            "method",
                                                                    config.training()
                                                                            .method()
                                                                            .wireName(),
                                                            "trainingRows", data.train().size(),
                                                            "heldOutRows",
                                                                    data.heldOut().rows().size(),
                                                            // The held-out rule's inputs, so
                                                            // lineage can tell a row's side later.
                                                            "heldOutSeed", config.training().seed(),
                                                            "validationFraction",
                                                                    config.training()
                                                                            .validationFraction(),
                                                            "files",
                                                                    config.training()
                                                                            .files()
                                                                            .orElse(List.of()))),
                                            text(json, metrics),
                                            Double.isFinite(r) ? r : 0,
                                            manifest.sha256(),
                                            store.uri(manifest.sha256()).toString(),
                                            becomesChampion,
                                            runId));
                            publisher.publish(
                                    Topics.MODEL_PUBLISHED,
                                    new ModelPublished(
                                            EventTypes.header(
                                                    ModelPublished.class,
                                                    member == null
                                                            ? Lineage.NONE.withModelVersion(
                                                                    manifest.modelVersion())
                                                            : new Lineage(
                                                                    member.campaignId(),
                                                                    member.cycle(),
                                                                    null,
                                                                    null,
                                                                    manifest.modelVersion())),
                                            manifest.modelVersion(),
                                            manifest.architecture(),
                                            parent,
                                            manifest.sha256(),
                                            store.uri(manifest.sha256()).toString(),
                                            becomesChampion,
                                            metrics,
                                            member == null
                                                    ? null
                                                    : new ModelPublished.EnsembleMember(
                                                            member.index(), member.size())));
                            registry.run(runId)
                                    .ifPresent(
                                            run -> {
                                                run.decided(
                                                        becomesChampion,
                                                        r,
                                                        decision.servedVersion(),
                                                        decision.servedR());
                                                run.finish(
                                                        TrainingRunEntity.State.SUCCEEDED,
                                                        decision.reason(),
                                                        manifest.modelVersion());
                                            });
                        });
        Log.infof(
                "run %s: %s (best epoch %d) %s",
                runId, manifest.modelVersion(), result.bestEpoch(), decision.reason());
    }

    private static String text(final EventCodec json, final Object value) {
        return new String(json.toJsonBytes(value), StandardCharsets.UTF_8);
    }

    private void update(final String runId, final Consumer<TrainingRunEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> registry.run(runId).ifPresent(change));
    }
}
