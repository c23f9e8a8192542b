package io.dreamloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class SecurityStartupCheckTest {

    private static Config config(final Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
    }

    private static SecurityConfig security(final SecurityConfig.Auth auth, final String... keys) {
        return new FixedSecurityConfig(auth, List.of(keys), List.of());
    }

    @Test
    void consistentSettingsPass() {
        final Map<String, String> tenantOff = Map.of("quarkus.oidc.tenant-enabled", "false");
        assertThat(
                        SecurityStartupCheck.check(
                                security(SecurityConfig.Auth.NONE), config(tenantOff)))
                .isEmpty();
        assertThat(
                        SecurityStartupCheck.check(
                                security(
                                        SecurityConfig.Auth.API_KEY,
                                        "robot:submitter:" + ApiKeysTest.hash("k")),
                                config(tenantOff)))
                .isEmpty();
        assertThat(
                        SecurityStartupCheck.check(
                                security(SecurityConfig.Auth.OIDC),
                                config(
                                        Map.of(
                                                "quarkus.oidc.tenant-enabled", "true",
                                                "quarkus.oidc.auth-server-url",
                                                        "https://id.example.org/realms/lab"))))
                .isEmpty();
    }

    @Test
    void contradictionsAreNamed() {
        assertThat(
                        SecurityStartupCheck.check(
                                security(SecurityConfig.Auth.API_KEY),
                                config(Map.of("quarkus.oidc.tenant-enabled", "false"))))
                .containsExactly(
                        "auth=api-key needs at least one key in dreamloop.security.api-keys (DREAMLOOP_SECURITY_API_KEYS)");
        assertThat(
                        SecurityStartupCheck.check(
                                security(SecurityConfig.Auth.OIDC),
                                config(Map.of("quarkus.oidc.tenant-enabled", "false"))))
                .containsExactly(
                        "auth=oidc needs quarkus.oidc.tenant-enabled=true (QUARKUS_OIDC_TENANT_ENABLED)",
                        "auth=oidc needs quarkus.oidc.auth-server-url (QUARKUS_OIDC_AUTH_SERVER_URL) or quarkus.oidc.public-key");
        assertThat(
                        SecurityStartupCheck.check(
                                security(SecurityConfig.Auth.NONE),
                                config(Map.of("quarkus.oidc.tenant-enabled", "true"))))
                .containsExactly(
                        "quarkus.oidc.tenant-enabled=true but dreamloop.security.auth=none: set auth=oidc");
    }
}
