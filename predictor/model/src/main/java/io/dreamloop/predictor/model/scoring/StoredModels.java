package io.dreamloop.predictor.model.scoring;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
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
     * @param precision {@code FLOAT32} or {@code FLOAT16}; a traced module is always float32 (pass
     *     {@code FLOAT32} for it), a DJL model is cast after loading
     * @throws IllegalArgumentException when the artifact is missing or does not load
     * @throws io.dreamloop.predictor.model.artifact.ArtifactIntegrityException when the weights do
     *     not hash to {@code sha256}
     */
    public static Model load(
            final ModelStore store,
            final String sha256,
            final Device device,
            final DataType precision) {
        final ModelManifest manifest = store.manifest(sha256);
        return switch (manifest.format()) {
            case ModelManifest.TORCHSCRIPT ->
                    TorchScriptModels.load(store.verifiedWeights(sha256), device);
            case ModelManifest.DJL -> DjlModels.load(store, sha256, device, precision);
            default ->
                    throw new IllegalArgumentException(
                            "model %s: format '%s' cannot be loaded"
                                    .formatted(manifest.modelVersion(), manifest.format()));
        };
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
        return new ModelScorer(
                load(store, sha256, device, DataType.FLOAT32),
                SequenceEncoding.DREAM_2022,
                batchSize);
    }
}
