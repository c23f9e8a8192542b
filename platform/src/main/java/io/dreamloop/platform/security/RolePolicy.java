package io.dreamloop.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Reading needs {@link Role#READER} (or submitter), anything else {@link Role#SUBMITTER}. Bound to
 * every REST endpoint by {@code quarkus.http.auth.permission.dreamloop.*} with {@code
 * applies-to=JAXRS}, so the denial is an exception the REST layer maps to a JSON error ({@link
 * SecurityErrors}): 401 for an anonymous caller, 403 for one without the role. With {@code
 * dreamloop.security.auth=none} it permits everything without asking who calls, and it always
 * permits the {@linkplain SecurityConfig#openPaths() open paths}.
 */
@ApplicationScoped
public class RolePolicy implements HttpSecurityPolicy {
    /** The name the permission configuration refers to. */
    public static final String NAME = "dreamloop-roles";

    private final boolean enabled;
    private final Set<String> open;

    @Inject
    public RolePolicy(final SecurityConfig config) {
        this.enabled = config.auth() != SecurityConfig.Auth.NONE;
        this.open = Set.copyOf(config.openPaths().orElse(List.of()));
    }

    /** Whether a request for this path is let through without asking who calls. */
    boolean permitsAnyone(final String path) {
        return !enabled || open.contains(path);
    }

    @Override
    public Uni<CheckResult> checkPermission(
            final RoutingContext request,
            final Uni<SecurityIdentity> identity,
            final AuthorizationRequestContext requestContext) {
        if (permitsAnyone(request.normalizedPath())) {
            return CheckResult.permit();
        }
        final Role needed = Role.neededFor(request.request().method().name());
        return identity.map(who -> allows(who, needed) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    /** Whether {@code who} holds a role that grants {@code needed}. */
    static boolean allows(final SecurityIdentity who, final Role needed) {
        if (who == null || who.isAnonymous()) {
            return false;
        }
        for (final Role role : Role.values()) {
            if (role.grants(needed) && who.hasRole(role.id())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return NAME;
    }
}
