package io.dreamloop.platform.security;

import java.util.Arrays;
import java.util.Set;

/** What a caller may do: read, or read and submit. */
public enum Role {
    /** May read: GET, HEAD and OPTIONS. */
    READER("reader"),
    /** May also submit: designs, runs, campaigns, training, scoring, cancellations. */
    SUBMITTER("submitter");

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String id;

    Role(final String id) {
        this.id = id;
    }

    /** The role's name in API-key entries, in token groups and in {@code hasRole}. */
    public String id() {
        return id;
    }

    /** The role a request with this HTTP method needs. */
    public static Role neededFor(final String httpMethod) {
        return READ_METHODS.contains(httpMethod) ? READER : SUBMITTER;
    }

    /** A submitter may read too. */
    public boolean grants(final Role needed) {
        return this == needed || this == SUBMITTER;
    }

    /**
     * The role named {@code id}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Role of(final String id) {
        return Arrays.stream(values())
                .filter(r -> r.id.equals(id))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown role '%s', expected reader or submitter"
                                                .formatted(id)));
    }
}
