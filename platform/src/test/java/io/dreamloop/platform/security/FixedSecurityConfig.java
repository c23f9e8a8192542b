package io.dreamloop.platform.security;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SecurityConfig} with fixed values, for tests that need no running application.
 *
 * @param auth the authentication mode
 * @param keys the API key entries (none: empty)
 * @param open the open paths (none: empty)
 */
record FixedSecurityConfig(Auth auth, List<String> keys, List<String> open)
        implements SecurityConfig {

    @Override
    public Optional<List<String>> apiKeys() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
    }

    @Override
    public Optional<List<String>> openPaths() {
        return open.isEmpty() ? Optional.empty() : Optional.of(open);
    }

    @Override
    public Upload upload() {
        return () -> new MemorySize(BigInteger.valueOf(64L << 20));
    }
}
