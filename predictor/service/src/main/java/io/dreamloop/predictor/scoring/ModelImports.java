package io.dreamloop.predictor.scoring;

import ai.djl.Device;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Ids;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.platform.messaging.EventPublisher;
import io.dreamloop.predictor.config.PredictorConfig;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.scoring.TorchScriptModels;
import io.dreamloop.predictor.persistence.ModelRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Imports weights trained elsewhere (a module traced in PyTorch, such as the official Prix Fixe
 * models): checks that DJL can load it, stores it by hash, and publishes model-published, through
 * which every predictor instance registers and (for a champion) hot-swaps to it.
 */
@ApplicationScoped
public class ModelImports {
    /** How often an import looks whether this instance has registered it. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final PredictorConfig config;
    private final EventPublisher publisher;
    private final ModelRegistry registry;

    @Inject
    public ModelImports(
            final PredictorConfig config,
            final EventPublisher publisher,
            final ModelRegistry registry) {
        this.config = config;
        this.publisher = publisher;
        this.registry = registry;
    }

    /**
     * Waits until this instance has registered an imported version from its model-published event
     * and, for a champion, serves it, so that an answer of the import is true when it arrives
     * ({@code /models/champion} answered 404 for seconds after an import reported champion).
     *
     * @return true when it is registered (and served) within {@code timeout}
     */
    public boolean awaitRegistered(
            final String version, final boolean champion, final Duration timeout) {
        final Instant deadline = Instant.now().plus(timeout);
        while (true) {
            final boolean done =
                    QuarkusTransaction.requiringNew()
                            .call(
                                    () ->
                                            champion
                                                    ? registry.champion()
                                                            .map(
                                                                    c ->
                                                                            c.modelVersion()
                                                                                    .equals(
                                                                                            version))
                                                            .orElse(false)
                                                    : registry.find(version).isPresent());
            if (done || Instant.now().isAfter(deadline)) {
                return done;
            }
            try {
                Thread.sleep(POLL);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * @throws IllegalArgumentException for an unknown architecture, an invalid version id or a file
     *     that is not a loadable TorchScript module
     */
    public ModelManifest importTorchScript(
            final InputStream body,
            final String version,
            final String architecture,
            final boolean champion) {
        Ids.require(version, "model version");
        if (!config.registry().architectures().contains(architecture)) {
            throw new IllegalArgumentException(
                    "architecture '%s' is not served here; known: %s"
                            .formatted(architecture, config.registry().architectures()));
        }
        try {
            final ModelManifest manifest = storeUpload(body, version, architecture);
            publishImported(manifest, version, architecture, champion);
            return manifest;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
    }

    /**
     * Copies the upload to a temporary file, loads it once so that only a loadable TorchScript
     * module reaches the store, then stores it.
     */
    private ModelManifest storeUpload(
            final InputStream body, final String version, final String architecture)
            throws IOException {
        final Path dir = Files.createTempDirectory("dreamloop-import-");
        final Path file = dir.resolve("upload.pt");
        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        TorchScriptModels.load(file, Device.cpu()).close();
        final ModelManifest manifest =
                store().put(
                                file,
                                version,
                                architecture,
                                ModelManifest.TORCHSCRIPT,
                                null,
                                Map.of(),
                                Map.of("source", "import"));
        Files.delete(file);
        Files.delete(dir);
        return manifest;
    }

    /** Announces the imported model as any trained one is, so the registry and scorers see it. */
    private void publishImported(
            final ModelManifest manifest,
            final String version,
            final String architecture,
            final boolean champion) {
        publisher.publish(
                Topics.MODEL_PUBLISHED,
                new ModelPublished(
                        EventTypes.header(
                                ModelPublished.class, Lineage.NONE.withModelVersion(version)),
                        version,
                        architecture,
                        null,
                        manifest.sha256(),
                        store().uri(manifest.sha256()).toString(),
                        champion,
                        Map.of()));
    }

    private ModelStore store() {
        return new ModelStore(Path.of(config.registry().store()));
    }
}
