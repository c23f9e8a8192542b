package io.dreamloop.training;

import io.dreamloop.contracts.event.Ids;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to train: the new model's version, its architecture and configuration, the recipe, and
 * optionally the parent to fine-tune from.
 *
 * @param modelVersion the version id of the model to store
 * @param architecture the architecture
 * @param configuration the architecture's configuration as a manifest carries it ({@link
 *     DjlModels#configurationOf})
 * @param recipe how to train
 * @param parentSha256 the stored DJL artifact to start from, or null to train from scratch with the
 *     reference initialization
 * @param lineage extra lineage for the manifest (training run id, data set, ...); the trainer adds
 *     the recipe, the data sizes and the best epoch
 */
public record TrainingJob(
        String modelVersion,
        Architecture architecture,
        Map<String, Object> configuration,
        Recipe recipe,
        String parentSha256,
        Map<String, String> lineage) {

    /**
     * @throws IllegalArgumentException when the version is not a valid id or the configuration does
     *     not describe the architecture
     */
    public TrainingJob {
        Ids.require(modelVersion, "modelVersion");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(recipe, "recipe");
        configuration = Map.copyOf(Objects.requireNonNull(configuration, "configuration"));
        DjlModels.configurationRecord(
                architecture,
                configuration); // fails early on a misfit // fails early on a configuration that
        // does not fit
        lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
    }

    /** A model trained from the reference initialization. */
    public static TrainingJob fromScratch(
            final String modelVersion,
            final Architecture architecture,
            final Record configuration,
            final Recipe recipe) {
        return new TrainingJob(
                modelVersion,
                architecture,
                DjlModels.configurationOf(configuration),
                recipe,
                null,
                Map.of());
    }

    /**
     * A model fine-tuned from a stored DJL artifact: same architecture and configuration, starting
     * from its weights.
     *
     * @throws IllegalArgumentException when the parent is not a DJL-format artifact
     */
    public static TrainingJob fineTune(
            final String modelVersion, final ModelManifest parent, final Recipe recipe) {
        if (!ModelManifest.DJL.equals(parent.format())) {
            throw new IllegalArgumentException(
                    "can only fine-tune a djl artifact, but %s is %s"
                            .formatted(parent.modelVersion(), parent.format()));
        }
        return new TrainingJob(
                modelVersion,
                Architecture.fromWireName(parent.architecture()),
                parent.configuration(),
                recipe,
                parent.sha256(),
                Map.of());
    }

    /** This job with more lineage entries (later entries win). */
    public TrainingJob withLineage(final Map<String, String> more) {
        final Map<String, String> merged = new HashMap<>(lineage);
        merged.putAll(more);
        return new TrainingJob(
                modelVersion, architecture, configuration, recipe, parentSha256, merged);
    }

    /** True when fine-tuning. */
    public boolean fineTuning() {
        return parentSha256 != null;
    }

    /** The same job with another recipe (e.g. a lower peak rate after a divergence). */
    public TrainingJob withRecipe(final Recipe other) {
        return new TrainingJob(
                modelVersion, architecture, configuration, other, parentSha256, lineage);
    }
}
