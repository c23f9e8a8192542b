package io.dreamloop.platform.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Reads an API key from {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>} when {@code
 * dreamloop.security.auth=api-key}; in the other modes it reads nothing, so it never competes with
 * quarkus-oidc for the bearer token.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** The header that carries only a key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private static final String BEARER = "bearer ";

    private final boolean active;

    @Inject
    public ApiKeyAuthenticationMechanism(final SecurityConfig config) {
        this.active = config.auth() == SecurityConfig.Auth.API_KEY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            final RoutingContext context, final IdentityProviderManager identityProviderManager) {
        final String key = active ? presentedKey(context) : null;
        if (key == null) {
            return Uni.createFrom().nullItem(); // anonymous; RolePolicy decides
        }
        return identityProviderManager.authenticate(new ApiKeyAuthenticationRequest(key));
    }

    /** The key of the request, or null when it carries none. */
    static String presentedKey(final RoutingContext context) {
        final String header = context.request().getHeader(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        final String authorization = context.request().getHeader("Authorization");
        if (authorization != null
                && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(final RoutingContext context) {
        return active
                ? Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"))
                : Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(final RoutingContext context) {
        return active
                ? Uni.createFrom()
                        .item(
                                new HttpCredentialTransport(
                                        HttpCredentialTransport.Type.OTHER_HEADER, API_KEY_HEADER))
                : Uni.createFrom().nullItem();
    }
}
