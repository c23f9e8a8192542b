package io.dreamloop.predictor.scoring;

import static io.dreamloop.predictor.model.DeviceDefaults.cudnnBenchmark;
import static io.dreamloop.predictor.model.DeviceDefaults.scoringBatchSize;

import ai.djl.Device;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.config.PredictorConfig;
import io.dreamloop.predictor.model.DeviceChoice;
import io.dreamloop.predictor.model.DeviceDefaults;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.persistence.ModelRegistry;
import io.dreamloop.predictor.persistence.ModelVersionEntity;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loaded models by version and the current champion.
 *
 * <p>Hot swap: a new champion is loaded (and its artifact hash verified) before the champion
 * pointer moves to it, so requests never wait for a load and never see a half-loaded model; a
 * request holds the scorer it started with, so it finishes on that version and its results are
 * attributed to it. Loaded models stay loaded until shutdown (they are requested by version too).
 * Artifacts are TorchScript modules or DJL-format models ({@link ArtifactLoader}).
 *
 * <p>Replicas: the instances of the predictor share one consumer group of model-published and one
 * database, so one of them consumes a new champion's event and records it. A request for the
 * champion therefore checks the registry's champion at most every {@code
 * dreamloop.predictor.scoring.champion-check} and moves to it when it changed; on the instances
 * that did not consume the event, that first request waits for the load.
 */
@ApplicationScoped
public class ScorerPool {
    private final Map<String, ModelScorer> loaded = new ConcurrentHashMap<>();
    private final AtomicReference<String> champion = new AtomicReference<>();
    private final AtomicLong championCheckedAt = new AtomicLong(System.nanoTime());
    private final ModelRegistry registry;
    private final PredictorConfig config;
    private final ScoringMetrics metrics;

    @Inject
    public ScorerPool(
            final ModelRegistry registry,
            final PredictorConfig config,
            final ScoringMetrics metrics) {
        this.registry = registry;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Before any model loads: engine threads, then device and precision checked (a missing GPU or a
     * precision the engine cannot run fails start-up naming the property), cuDNN autotuning set for
     * the process, and one line saying how this predictor scores; then the champion loads.
     */
    void onStart(@Observes final StartupEvent event) {
        applyThreads();
        final Device device = device();
        final Precision precision = precision();
        final boolean cudnn = config.scoring().cudnnBenchmark().orElse(cudnnBenchmark(device));
        DeviceDefaults.applyCudnnBenchmark(cudnn);
        Log.infof(
                "scoring on %s in %s, batches of %d, cuDNN autotuning %s",
                device, precision.wireName(), batchSize(), cudnn ? "on" : "off");
        QuarkusTransaction.requiringNew()
                .call(registry::champion)
                .ifPresent(
                        c -> {
                            load(c.modelVersion(), c.artifactSha256(), c.artifactUri());
                            champion.set(c.modelVersion());
                            Log.infof("serving champion %s", c.modelVersion());
                        });
    }

    void onStop(@Observes final ShutdownEvent event) {
        loaded.values().forEach(ModelScorer::close);
        loaded.clear();
    }

    /**
     * Loads a version from its artifact, verifying the hash; a version already loaded is kept.
     *
     * @throws IllegalArgumentException when the artifact is missing, not a file URI, not addressed
     *     by its hash, or does not load
     * @throws io.dreamloop.predictor.model.artifact.ArtifactIntegrityException when its weights do
     *     not hash to {@code sha256}
     */
    public void load(final String version, final String sha256, final String artifactUri) {
        loaded.computeIfAbsent(version, v -> open(v, sha256, artifactUri));
    }

    /** Makes a loaded version the champion. */
    public void promote(final String version) {
        if (!loaded.containsKey(version)) {
            throw new IllegalStateException(
                    "cannot promote %s: it is not loaded".formatted(version));
        }
        final String previous = champion.getAndSet(version);
        // The event that promoted it commits its registry row after this: the next check waits.
        championCheckedAt.set(System.nanoTime());
        Log.infof("champion is now %s (was %s)", version, previous);
    }

    /** The current champion's version, if any. */
    public Optional<String> champion() {
        return Optional.ofNullable(champion.get());
    }

    /**
     * Scores sequences with a version, or the champion when {@code version} is null.
     *
     * @throws UnknownModelException when the version is unknown or there is no champion
     */
    public Scored score(final String version, final List<DnaSequence> sequences) {
        final String v = version != null ? version : followedChampion();
        if (v == null) {
            throw new UnknownModelException("no champion model has been published yet");
        }
        final ModelScorer scorer = loaded.computeIfAbsent(v, this::openRegistered);
        final long start = System.nanoTime();
        final Scored scored = new Scored(v, scorer.score(sequences));
        metrics.scored(version == null, sequences.size(), System.nanoTime() - start);
        return scored;
    }

    /** The champion, after moving to the registry's if it changed and the check is due. */
    private String followedChampion() {
        final long now = System.nanoTime();
        final long last = championCheckedAt.get();
        if (now - last >= config.scoring().championCheck().toNanos()
                && championCheckedAt.compareAndSet(last, now)) {
            QuarkusTransaction.requiringNew()
                    .call(registry::champion)
                    .filter(c -> !c.modelVersion().equals(champion.get()))
                    .ifPresent(
                            c -> {
                                load(c.modelVersion(), c.artifactSha256(), c.artifactUri());
                                promote(c.modelVersion());
                            });
        }
        return champion.get();
    }

    private ModelScorer openRegistered(final String version) {
        final ModelVersionEntity entity =
                QuarkusTransaction.requiringNew()
                        .call(() -> registry.find(version))
                        .orElseThrow(
                                () ->
                                        new UnknownModelException(
                                                "unknown model version '%s'".formatted(version)));
        return open(version, entity.artifactSha256(), entity.artifactUri());
    }

    private ModelScorer open(final String version, final String sha256, final String artifactUri) {
        return new ArtifactLoader(
                        device(), precision(), batchSize(), config.registry().architectures())
                .open(version, sha256, artifactUri);
    }

    /**
     * The configured precision of weights and inputs, checked against the device.
     *
     * @throws IllegalArgumentException when the engine cannot run it there (bfloat16)
     */
    Precision precision() {
        try {
            return config.scoring().precision().requireSupportedOn(device());
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "dreamloop.predictor.scoring.precision: " + e.getMessage(), e);
        }
    }

    /** The configured batch, or the device's default ({@link DeviceDefaults}). */
    int batchSize() {
        final int batch = config.scoring().batchSize().orElseGet(() -> scoringBatchSize(device()));
        if (batch < 1) {
            throw new IllegalArgumentException(
                    "dreamloop.predictor.scoring.batch-size must be >= 1, but was " + batch);
        }
        return batch;
    }

    /** Intra- and inter-op threads of the PyTorch engine, applied before it starts. */
    private void applyThreads() {
        config.scoring()
                .threads()
                .ifPresent(
                        n -> System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(n)));
        config.scoring()
                .interopThreads()
                .ifPresent(
                        n ->
                                System.setProperty(
                                        "ai.djl.pytorch.num_interop_threads", String.valueOf(n)));
    }

    /** The configured device ({@link DeviceChoice}: auto, cpu, gpu or gpu:N). */
    Device device() {
        try {
            return DeviceChoice.resolve(config.scoring().device());
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "dreamloop.predictor.scoring.device: " + e.getMessage(), e);
        }
    }
}
