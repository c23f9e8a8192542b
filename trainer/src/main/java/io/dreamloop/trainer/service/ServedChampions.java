package io.dreamloop.trainer.service;

import ai.djl.Device;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.predictor.model.DeviceDefaults;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.ServedChampionEntity;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the predictor serves, and how it scores on a run's held-out rows. The trainer learns the
 * served champion from model-published, whoever published it (this trainer, an import into the
 * predictor, another producer), and compares every new version with it on the same rows, loading it
 * from the model store by its sha256 whatever its format.
 */
@ApplicationScoped
public class ServedChampions {
    /** The manifest lineage entry that names the run that trained an artifact here. */
    static final String TRAINING_RUN = "trainingRun";

    /** Device names that need no check at start (DeviceChoice's). */
    private static final Set<String> CANNOT_FAIL = Set.of("auto", "cpu");

    private final TrainerConfig config;
    private final ModelRegistry registry;
    private final AtomicBoolean cudnnApplied = new AtomicBoolean();

    @Inject
    public ServedChampions(final TrainerConfig config, final ModelRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** The device the trainer trains and scores on ({@code dreamloop.trainer.training.device}). */
    public Device device() {
        return scoring().device();
    }

    /**
     * How the trainer scores stored models: device, precision, batch. The first call also sets
     * cuDNN autotuning for the process (configured, or on for a GPU).
     */
    ScoringSetup scoring() {
        final ScoringSetup setup = ScoringSetup.of(config.training());
        if (cudnnApplied.compareAndSet(false, true)) {
            final boolean cudnn =
                    config.training()
                            .cudnnBenchmark()
                            .orElse(DeviceDefaults.cudnnBenchmark(setup.device()));
            DeviceDefaults.applyCudnnBenchmark(cudnn);
            Log.infof(
                    "training on %s (float32), scoring stored models in %s, batches of %d, cuDNN"
                            + " autotuning %s",
                    setup.device(),
                    setup.precision().wireName(),
                    setup.batchSize(),
                    cudnn ? "on" : "off");
        }
        return setup;
    }

    /**
     * Checks at start-up what can fail at start-up: a GPU named explicitly, a reduced precision or
     * a cuDNN setting, so a missing GPU or a precision the engine cannot run fails here with the
     * property's name. {@code auto} or {@code cpu} in float32 cannot fail, and are resolved when a
     * run first needs the engine: the PyTorch natives load once per JVM, and a trainer that never
     * trains (or a test JVM that starts several) should not load them at start.
     */
    void onStart(@Observes final StartupEvent event) {
        final TrainerConfig.Training training = config.training();
        final boolean cannotFail =
                CANNOT_FAIL.contains(training.device().strip().toLowerCase(Locale.ROOT))
                        && training.precision() == Precision.FLOAT32
                        && training.cudnnBenchmark().isEmpty();
        if (cannotFail) {
            Log.infof(
                    "training on device '%s' in float32, resolved when a run first needs it",
                    training.device());
            return;
        }
        scoring();
    }

    /**
     * Records a champion model-published: the predictor now serves that version. An event that
     * names no champion changes nothing. Call inside the consumer's transaction.
     */
    public void record(final ModelPublished event) {
        if (!event.champion()) {
            return;
        }
        final Optional<ModelManifest> manifest = manifest(event.artifactSha256());
        final ServedChampionEntity.Origin origin = origin(event.modelVersion(), manifest);
        registry.serve(
                event.modelVersion(),
                event.architecture(),
                event.artifactSha256(),
                event.artifactUri(),
                manifest.map(ModelManifest::format).orElse(null),
                origin,
                event.header().occurredAt());
        Log.infof(
                "the predictor serves %s (%s) now",
                event.modelVersion(),
                origin.describe(manifest.map(ModelManifest::format).orElse(null)));
    }

    /**
     * The served champion scored on held-out rows; empty when nothing is served. A served champion
     * that cannot be loaded or scored is returned with the reason.
     */
    public Optional<ChampionDecision.Served> evaluate(
            final ModelStore store, final HeldOut heldOut) {
        return QuarkusTransaction.requiringNew()
                .call(registry::served)
                .map(
                        s -> {
                            try {
                                return ChampionDecision.Served.scored(
                                        s.modelVersion(),
                                        s.description(),
                                        score(store, s.artifactSha256(), heldOut, scoring())
                                                .all()
                                                .r());
                            } catch (final RuntimeException e) {
                                Log.warnf(
                                        "the served champion %s cannot be scored: %s",
                                        s.modelVersion(), e.getMessage());
                                return ChampionDecision.Served.unloadable(
                                        s.modelVersion(),
                                        s.description(),
                                        e.getMessage() == null ? e.toString() : e.getMessage());
                            }
                        });
    }

    /**
     * Scores a stored model of any format on held-out rows by the challenge's metrics.
     *
     * @throws IllegalArgumentException when the artifact is missing or does not load
     * @throws io.dreamloop.predictor.model.artifact.ArtifactIntegrityException when its weights do
     *     not hash to {@code sha256}
     */
    public static ChallengeScore score(
            final ModelStore store,
            final String sha256,
            final HeldOut heldOut,
            final ScoringSetup setup) {
        try (ModelScorer scorer = setup.open(store, sha256)) {
            return heldOut.evaluate(
                    scorer.score(
                                    heldOut.rows().stream()
                                            .map(r -> DnaSequence.of(r.sequence()))
                                            .toList())
                            .mean());
        }
    }

    /**
     * Trained here when this registry has the version or its manifest names a training run (the
     * event may arrive before the run's registration commits); imported when its manifest says so.
     */
    private ServedChampionEntity.Origin origin(
            final String version, final Optional<ModelManifest> manifest) {
        if (registry.version(version).isPresent()
                || manifest.map(m -> m.lineage().containsKey(TRAINING_RUN)).orElse(false)) {
            return ServedChampionEntity.Origin.TRAINED;
        }
        if (manifest.map(m -> "import".equals(m.lineage().get("source"))).orElse(false)) {
            return ServedChampionEntity.Origin.IMPORTED;
        }
        return ServedChampionEntity.Origin.OTHER;
    }

    /** The served artifact's manifest in this trainer's store, if it can be read now. */
    private Optional<ModelManifest> manifest(final String sha256) {
        try {
            return Optional.of(new ModelStore(Path.of(config.training().store())).manifest(sha256));
        } catch (final RuntimeException e) {
            Log.warnf(
                    "served artifact %s is not readable in %s: %s",
                    sha256, config.training().store(), e.getMessage());
            return Optional.empty();
        }
    }
}
