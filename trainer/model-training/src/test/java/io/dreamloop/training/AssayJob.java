package io.dreamloop.training;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.DjlModels;
import java.util.Map;
import java.util.Objects;

/**
 * What to train on another assay: the Prix Fixe first layers and core of an architecture with a
 * {@code RegressionHead} of one output per measured activity.
 *
 * @param architecture the architecture whose first layers and core are used
 * @param configuration its configuration as a manifest carries it; a DREAM-Attn configuration's
 *     {@code length} must be the table's sequence length
 * @param recipe batch size, learning rate, epochs and seed (e.g. from the service's configuration)
 * @param reverseComplement train on both strands (is_reverse channel set on the reverse complement)
 *     and predict the mean of both strands; false for strand-specific assays
 */
public record AssayJob(
        Architecture architecture,
        Map<String, Object> configuration,
        Recipe recipe,
        boolean reverseComplement) {

    /**
     * @throws IllegalArgumentException when the configuration does not describe the architecture
     */
    public AssayJob {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(recipe, "recipe");
        configuration = Map.copyOf(Objects.requireNonNull(configuration, "configuration"));
        DjlModels.configurationRecord(architecture, configuration);
    }

    /** A job from a configuration record, training on both strands. */
    public static AssayJob of(
            final Architecture architecture, final Record configuration, final Recipe recipe) {
        return new AssayJob(architecture, DjlModels.configurationOf(configuration), recipe, true);
    }
}
