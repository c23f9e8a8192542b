package io.dreamloop.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dreamloop.contracts.vocabulary.WireNames;
import java.util.List;

/**
 * How big a GA design runs. {@link DesignOptions#gaPreset()} carries the wire name (the released v1
 * contract is a string checked against these names).
 */
public enum GaPreset {
    /**
     * As published: population 100,000, 10 generations (Vaishnav et al. 2022; de Boer's NSGA-II).
     */
    VAISHNAV,
    /** Sized for a CPU: the default when a request names none. */
    CPU,
    /** A few generations of a small population, for tests and demos. */
    TEST;

    /** The preset of a request that names none. */
    public static final GaPreset DEFAULT = CPU;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    /** Every preset's wire name, in declaration order. */
    public static List<String> wireNames() {
        return WireNames.all(GaPreset.class);
    }

    @JsonCreator
    public static GaPreset fromWireName(final String name) {
        return WireNames.parse(GaPreset.class, name, "GA preset");
    }

    /**
     * The preset a name asks for.
     *
     * @param field the field in the error, e.g. {@code testLibrary.gaPreset}
     * @throws IllegalArgumentException e.g. {@code gaPreset must be one of [vaishnav, cpu, test],
     *     but was 'huge'}
     */
    public static GaPreset named(final String name, final String field) {
        if (!wireNames().contains(name)) {
            throw new IllegalArgumentException(
                    "%s must be one of %s, but was '%s'".formatted(field, wireNames(), name));
        }
        return fromWireName(name);
    }
}
