package io.dreamloop.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured API key: who holds it, what it may do and the SHA-256 of the key (never the key).
 *
 * @param name the holder, the principal of its requests (e.g. {@code lab-robot})
 * @param roles at least one role
 * @param sha256 lower-case hex SHA-256 of the key, 64 characters
 */
public record ApiKey(String name, Set<Role> roles, String sha256) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(sha256, "sha256");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "API key name '%s' may hold only letters, digits, '.', '_' and '-'"
                            .formatted(name));
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("API key '%s' has no role".formatted(name));
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException(
                    ("API key '%s': expected the key's SHA-256 as 64 lower-case hex digits"
                                    + " (printf %%s \"$KEY\" | sha256sum), but got %d characters")
                            .formatted(name, sha256.length()));
        }
        roles = Set.copyOf(roles);
    }

    /**
     * Parses {@code name:roles:sha256}, roles joined by {@code +}, e.g. {@code
     * lab-robot:submitter:9f86d0...}.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the hash)
     */
    public static ApiKey parse(final String entry) {
        final String[] parts = entry.strip().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "API key entry must be name:roles:sha256, but has %d part(s)"
                            .formatted(parts.length));
        }
        final Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(parts[1].split("\\+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Role::of)
                .forEach(roles::add);
        return new ApiKey(parts[0].strip(), roles, parts[2].strip());
    }

    /** The hash as bytes, for a constant-time comparison. */
    byte[] hashBytes() {
        return HexFormat.of().parseHex(sha256);
    }

    /** Whether this key grants {@code needed}. */
    public boolean grants(final Role needed) {
        return roles.stream().anyMatch(r -> r.grants(needed));
    }
}
