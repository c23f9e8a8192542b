package io.dreamloop.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.Objects;

/** An API key presented by a caller, on its way to {@link ApiKeyIdentityProvider}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyAuthenticationRequest(final String key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The key as presented. */
    public String key() {
        return key;
    }
}
