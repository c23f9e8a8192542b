package io.dreamloop.contracts.event;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Validation helpers for the list payloads of events. */
final class Lists {
    private Lists() {}

    /** An immutable copy that rejects null and empty lists and null elements. */
    static <T> List<T> nonEmptyCopy(final List<T> list, final String what) {
        Objects.requireNonNull(list, what);
        if (list.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException("%s[%d] is null".formatted(what, i));
            }
        }
        return List.copyOf(list);
    }

    /** Rejects duplicate keys, naming the first duplicate and its index. */
    static <T> void requireUnique(
            final List<T> list, final Function<T, String> key, final String what) {
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            final String k = key.apply(list.get(i));
            if (!seen.add(k)) {
                throw new IllegalArgumentException(
                        "%s[%d]: duplicate id '%s'".formatted(what, i, k));
            }
        }
    }
}
