package io.dreamloop.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys. A presented key is hashed and compared with every configured hash in
 * constant time ({@link MessageDigest#isEqual}), without stopping at the first match, so the time
 * taken says nothing about which key, or how much of one, matched.
 */
public final class ApiKeys {
    private final List<ApiKey> keys;
    private final List<byte[]> hashes;

    private ApiKeys(final List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
        this.hashes = keys.stream().map(ApiKey::hashBytes).toList();
    }

    /**
     * Parses the configured entries.
     *
     * @throws IllegalArgumentException for a malformed entry, or two entries with one name or hash
     */
    public static ApiKeys parse(final List<String> entries) {
        final List<ApiKey> keys = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        final Set<String> hashes = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            final ApiKey key;
            try {
                key = ApiKey.parse(entries.get(i));
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "dreamloop.security.api-keys entry %d: %s".formatted(i + 1, e.getMessage()),
                        e);
            }
            if (!names.add(key.name())) {
                throw new IllegalArgumentException(
                        "dreamloop.security.api-keys: name '%s' is used twice"
                                .formatted(key.name()));
            }
            if (!hashes.add(key.sha256())) {
                throw new IllegalArgumentException(
                        "dreamloop.security.api-keys: '%s' has the same key as another entry"
                                .formatted(key.name()));
            }
            keys.add(key);
        }
        return new ApiKeys(keys);
    }

    /** How many keys are configured. */
    public int size() {
        return keys.size();
    }

    /** The configured key that {@code presented} is, if any. */
    public Optional<ApiKey> match(final String presented) {
        final byte[] hash = sha256(presented);
        ApiKey found = null;
        for (int i = 0; i < keys.size(); i++) {
            if (MessageDigest.isEqual(hashes.get(i), hash) && found == null) {
                found = keys.get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The SHA-256 of a key, as configured hashes are computed ({@code sha256sum} of its UTF-8). */
    public static byte[] sha256(final String key) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
