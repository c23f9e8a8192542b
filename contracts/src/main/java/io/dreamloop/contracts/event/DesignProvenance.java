package io.dreamloop.contracts.event;

import java.util.Map;
import java.util.Objects;

/**
 * How a library was made, so that it can be made again.
 *
 * @param designer name and version of the design code
 * @param seed the seed of the request
 * @param modelVersion the model version that scored the designs, absent if none did
 * @param settings generator settings (GA population, rates, ...) as text
 */
public record DesignProvenance(
        String designer,
        long seed,
        @OptionalField String modelVersion,
        @OptionalField Map<String, String> settings) {
    public DesignProvenance {
        Objects.requireNonNull(designer, "designer");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
