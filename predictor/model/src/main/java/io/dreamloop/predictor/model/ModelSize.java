package io.dreamloop.predictor.model;

import io.dreamloop.contracts.vocabulary.WireNames;
import java.util.List;

/**
 * The named sizes of the three architectures: each architecture's config record has a factory per
 * size ({@code paper()}, {@code cpu()}), and {@code DjlModels.configuration} maps a size to it.
 */
public enum ModelSize {
    /** Small widths that train in minutes on a couple of CPU cores (the trainer's default). */
    CPU,
    /** The published widths and depths (SPEC §2), for GPUs. */
    PAPER;

    /** The name in configuration and on the command line: {@code cpu}, {@code paper}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** Every size's wire name, in declaration order. */
    public static List<String> wireNames() {
        return WireNames.all(ModelSize.class);
    }

    /**
     * The size of a wire name.
     *
     * @throws IllegalArgumentException naming the valid names when there is no such size
     */
    public static ModelSize fromWireName(final String name) {
        return WireNames.parse(ModelSize.class, name, "model size");
    }
}
