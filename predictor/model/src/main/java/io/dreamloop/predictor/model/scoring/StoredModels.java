package io.dreamloop.predictor.model.scoring;

import ai.djl.Device;
import ai.djl.Model;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;

/**
 * Opens a stored artifact whatever its format, for every service that scores with stored models
 * (the predictor serving them, the trainer comparing a new version with the served one): a {@code
 * torchscript} module is loaded as traced, a {@code djl} model is rebuilt from the manifest's
 * architecture and configuration and its parameters loaded. Either way the weights are hashed first
 * and must match the sha256 the artifact is addressed by.
 */
public final class StoredModels {
    private StoredModels() {}

    /**
     * Loads a stored model.
     *
     * @param store the content-addressed store
     * @param sha256 the artifact's address
     * @param device where the model is loaded
     * @param precision a DJL model is cast to it after loading; a traced module runs as traced, in
     *     float32, and only in {@link Precision#FLOAT32}
     * @throws IllegalArgumentException when the artifact is missing or does not load
     * @throws io.dreamloop.predictor.model.artifact.ArtifactIntegrityException when the weights do
     *     not hash to {@code sha256}
     */
    public static Model load(
            final ModelStore store,
            final String sha256,
            final Device device,
            final Precision precision) {
        final ModelManifest manifest = store.manifest(sha256);
        return switch (manifest.format()) {
            case ModelManifest.TORCHSCRIPT -> {
                requireFloat32(manifest, precision);
                yield TorchScriptModels.load(store.verifiedWeights(sha256), device);
            }
            case ModelManifest.DJL -> DjlModels.load(store, sha256, device, precision);
            default ->
                    throw new IllegalArgumentException(
                            "model %s: format '%s' cannot be loaded"
                                    .formatted(manifest.modelVersion(), manifest.format()));
        };
    }

    /**
     * The precision a stored model can be served in when {@code wanted} is asked for: a DJL model
     * in any, a traced module in float32 only (libtorch's {@code module.to(dtype)} is not reached
     * through DJL, and a traced graph may hold float32 constants).
     */
    public static Precision servable(final ModelManifest manifest, final Precision wanted) {
        return ModelManifest.DJL.equals(manifest.format()) ? wanted : Precision.FLOAT32;
    }

    /**
     * Opens a stored model as a float32 scorer of the DREAM 2022 encoding.
     *
     * @param batchSize the largest batch per forward pass
     * @throws IllegalArgumentException when the artifact is missing or does not load
     * @throws io.dreamloop.predictor.model.artifact.ArtifactIntegrityException when the weights do
     *     not hash to {@code sha256}
     */
    public static ModelScorer scorer(
            final ModelStore store, final String sha256, final Device device, final int batchSize) {
        return scorer(store, sha256, device, batchSize, Precision.FLOAT32);
    }

    /**
     * Opens a stored model as a scorer of the DREAM 2022 encoding in a precision ({@link
     * #servable}: a traced module stays float32).
     *
     * @param batchSize the largest batch per forward pass
     * @throws IllegalArgumentException when the artifact is missing or does not load
     * @throws io.dreamloop.predictor.model.artifact.ArtifactIntegrityException when the weights do
     *     not hash to {@code sha256}
     */
    public static ModelScorer scorer(
            final ModelStore store,
            final String sha256,
            final Device device,
            final int batchSize,
            final Precision precision) {
        precision.requireSupportedOn(device);
        final Precision served = servable(store.manifest(sha256), precision);
        return new ModelScorer(
                load(store, sha256, device, served),
                SequenceEncoding.DREAM_2022,
                batchSize,
                served.dataType());
    }

    private static void requireFloat32(final ModelManifest manifest, final Precision precision) {
        if (precision != Precision.FLOAT32) {
            throw new IllegalArgumentException(
                    "model %s is a traced module: it runs in float32, not %s"
                            .formatted(manifest.modelVersion(), precision.wireName()));
        }
    }
}
