package io.dreamloop.platform.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a service whose security settings contradict each other, so a deployment never
 * believes it is protected when it is not: {@code api-key} without keys, {@code oidc} without an
 * enabled, verifiable OIDC tenant, or an OIDC tenant enabled while {@code auth} is not {@code
 * oidc}.
 */
@ApplicationScoped
public class SecurityStartupCheck {

    void onStart(@Observes @Priority(0) final StartupEvent event, final SecurityConfig security) {
        final List<String> problems = check(security, ConfigProvider.getConfig());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "security configuration is inconsistent: " + String.join("; ", problems));
        }
        if (security.auth() == SecurityConfig.Auth.NONE) {
            Log.info(
                    "HTTP endpoints are open (dreamloop.security.auth=none); set api-key or oidc"
                            + " in production");
        } else {
            Log.infof(
                    "HTTP endpoints need authentication (dreamloop.security.auth=%s)",
                    security.auth().name().toLowerCase().replace('_', '-'));
        }
    }

    /** The contradictions in the settings, empty when they are consistent. */
    static List<String> check(final SecurityConfig security, final Config config) {
        final List<String> problems = new ArrayList<>();
        final boolean tenant =
                config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true);
        switch (security.auth()) {
            case API_KEY -> apiKeyProblems(security, tenant, problems);
            case OIDC -> oidcProblems(config, tenant, problems);
            default -> { // NONE
                if (tenant) {
                    problems.add(
                            "quarkus.oidc.tenant-enabled=true but dreamloop.security.auth=none:"
                                    + " set auth=oidc");
                }
            }
        }
        return problems;
    }

    /** API keys need at least one valid key, and no OIDC tenant that would also demand a token. */
    private static void apiKeyProblems(
            final SecurityConfig security, final boolean tenant, final List<String> problems) {
        try {
            if (ApiKeys.parse(security.apiKeys().orElse(List.of())).size() == 0) {
                problems.add(
                        "auth=api-key needs at least one key in dreamloop.security.api-keys"
                                + " (DREAMLOOP_SECURITY_API_KEYS)");
            }
        } catch (final IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (tenant) {
            problems.add("auth=api-key but quarkus.oidc.tenant-enabled=true");
        }
    }

    /** OIDC needs its tenant on and somewhere to verify tokens against. */
    private static void oidcProblems(
            final Config config, final boolean tenant, final List<String> problems) {
        if (!tenant) {
            problems.add(
                    "auth=oidc needs quarkus.oidc.tenant-enabled=true"
                            + " (QUARKUS_OIDC_TENANT_ENABLED)");
        }
        if (value(config, "quarkus.oidc.auth-server-url").isEmpty()
                && value(config, "quarkus.oidc.public-key").isEmpty()) {
            problems.add(
                    "auth=oidc needs quarkus.oidc.auth-server-url (QUARKUS_OIDC_AUTH_SERVER_URL)"
                            + " or quarkus.oidc.public-key");
        }
    }

    private static Optional<String> value(final Config config, final String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
