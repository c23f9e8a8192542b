package io.dreamloop.contracts.event;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks for the string ids used in events (library, run, sequence, model version ids). */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");

    private Ids() {}

    /**
     * @return {@code id}
     * @throws IllegalArgumentException when it is null, blank, longer than 128 characters or uses
     *     characters other than letters, digits and {@code . _ : -}
     */
    public static String require(final String id, final String what) {
        Objects.requireNonNull(id, what);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "%s '%s' is not a valid id (1-128 of letters, digits, '.', '_', ':', '-', starting with a letter or digit)"
                            .formatted(what, id));
        }
        return id;
    }
}
