package io.dreamloop.contracts.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for a vocabulary's names in events, configuration, HTTP and on the command line: an
 * enum constant's name in lower case with hyphens ({@code MOTIF_PERTURBATION} is {@code
 * motif-perturbation}), and one error for a name that is none of them.
 */
public final class WireNames {
    private WireNames() {}

    /** The wire name of a constant, e.g. {@code not-worse} for {@code NOT_WORSE}. */
    public static String of(final Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The wire names of every constant of a vocabulary, in declaration order. */
    public static <E extends Enum<E>> List<String> all(final Class<E> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants()).map(WireNames::of).toList();
    }

    /**
     * The constant whose wire name is {@code name}.
     *
     * @param what the vocabulary in the error, e.g. {@code subset}
     * @throws IllegalArgumentException e.g. {@code unknown subset 'High'; known: high, low, ...}
     */
    public static <E extends Enum<E>> E parse(
            final Class<E> vocabulary, final String name, final String what) {
        for (final E constant : vocabulary.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "unknown %s '%s'; known: %s"
                        .formatted(what, name, String.join(", ", all(vocabulary))));
    }
}
