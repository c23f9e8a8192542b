package io.dreamloop.predictor.scoring;

import ai.djl.Device;
import ai.djl.Model;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.StoredModels;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Opens a stored artifact as a scorer, whatever its format ({@link StoredModels}: a {@code
 * torchscript} module is loaded as traced, a {@code djl} model is rebuilt from the manifest's
 * architecture and configuration and its parameters loaded), after checking that the URI addresses
 * it by its sha256 and that its architecture is served here. Either way the weights are hashed
 * first and must match the sha256 the artifact is addressed by.
 *
 * <p>Precision: {@code float16} applies to DJL-format models only (their parameters are cast after
 * loading); a traced module keeps the precision it was traced in, float32 ({@link
 * StoredModels#servable}).
 *
 * @param device where models are loaded
 * @param precision the configured precision, one the engine runs on {@code device}
 * @param batchSize the largest batch per forward pass
 * @param architectures the architectures this predictor serves
 */
public record ArtifactLoader(
        Device device, Precision precision, int batchSize, List<String> architectures) {
    private static final Logger LOG = Logger.getLogger(ArtifactLoader.class);

    /**
     * @throws IllegalArgumentException when the engine cannot run {@code precision} on {@code
     *     device}
     */
    public ArtifactLoader {
        precision.requireSupportedOn(device);
        architectures = List.copyOf(architectures);
    }

    /**
     * Loads and verifies a version's artifact.
     *
     * @param version the model version, for messages
     * @param sha256 the sha256 the model-published event carried
     * @param artifactUri a {@code file:} URI of {@code <store>/<sha256>}
     * @throws IllegalArgumentException when the artifact is not a file URI, not addressed by its
     *     sha256, missing, of an architecture not served here, or does not load
     * @throws io.dreamloop.predictor.model.artifact.ArtifactIntegrityException when the weights do
     *     not hash to {@code sha256}
     */
    public ModelScorer open(final String version, final String sha256, final String artifactUri) {
        final URI uri = URI.create(artifactUri);
        if (!"file".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "model %s: only file: artifact URIs are supported, not %s"
                            .formatted(version, artifactUri));
        }
        final Path dir = Path.of(uri);
        if (dir.getFileName() == null || !dir.getFileName().toString().equals(sha256)) {
            throw new IllegalArgumentException(
                    "model %s: artifact %s is not addressed by its sha256 %s"
                            .formatted(version, artifactUri, sha256));
        }
        final ModelStore store = new ModelStore(dir.getParent());
        final ModelManifest manifest = store.manifest(sha256);
        if (!architectures.contains(manifest.architecture())) {
            throw new IllegalArgumentException(
                    "model %s: the artifact is a '%s'; this predictor serves %s"
                            .formatted(version, manifest.architecture(), architectures));
        }
        final Precision served = precisionOf(manifest);
        LOG.infof(
                "loading model %s (%s, %s, %s) on %s in %s, batches of %d",
                version,
                manifest.architecture(),
                manifest.format(),
                sha256,
                device,
                served.wireName(),
                batchSize);
        final Model model = StoredModels.load(store, sha256, device, served);
        return new ModelScorer(model, SequenceEncoding.DREAM_2022, batchSize, served.dataType());
    }

    /** The precision a stored model is served in: a reduced one only for a DJL-format model. */
    Precision precisionOf(final ModelManifest manifest) {
        final Precision served = StoredModels.servable(manifest, precision);
        if (served != precision) {
            LOG.infof(
                    "model %s is %s: served in %s (%s applies to djl models)",
                    manifest.modelVersion(),
                    manifest.format(),
                    served.wireName(),
                    precision.wireName());
        }
        return served;
    }
}
