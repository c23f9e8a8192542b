package io.dreamloop.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Turns a presented API key into the identity of its holder, with the holder's roles. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    private final ApiKeys keys;

    @Inject
    public ApiKeyIdentityProvider(final SecurityConfig config) {
        // Parsed once; a malformed entry fails the start (SecurityStartupCheck names it).
        this.keys = ApiKeys.parse(config.apiKeys().orElse(List.of()));
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            final ApiKeyAuthenticationRequest request, final AuthenticationRequestContext context) {
        return keys.match(request.key())
                .<Uni<SecurityIdentity>>map(
                        key -> {
                            final QuarkusSecurityIdentity.Builder identity =
                                    QuarkusSecurityIdentity.builder()
                                            .setPrincipal(new QuarkusPrincipal(key.name()));
                            key.roles().forEach(role -> identity.addRole(role.id()));
                            return Uni.createFrom().item(identity.build());
                        })
                .orElseGet(
                        () ->
                                Uni.createFrom()
                                        .failure(
                                                new AuthenticationFailedException(
                                                        "the API key is not valid")));
    }
}
