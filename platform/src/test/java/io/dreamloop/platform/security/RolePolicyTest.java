package io.dreamloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolePolicyTest {
    private static SecurityConfig config(final SecurityConfig.Auth auth, final List<String> open) {
        return new FixedSecurityConfig(auth, List.of(), open);
    }

    @Test
    void withAuthOnlyTheOpenPathsExactlyAreLetThrough() {
        final RolePolicy policy =
                new RolePolicy(
                        config(
                                SecurityConfig.Auth.API_KEY,
                                List.of("/formats", "/help", "/predict")));
        assertThat(policy.permitsAnyone("/predict")).isTrue();
        assertThat(policy.permitsAnyone("/help")).isTrue();
        assertThat(policy.permitsAnyone("/predict/x")).isFalse();
        assertThat(policy.permitsAnyone("/score")).isFalse();
        assertThat(
                        new RolePolicy(config(SecurityConfig.Auth.OIDC, List.of()))
                                .permitsAnyone("/predict"))
                .isFalse();
    }

    @Test
    void withoutAuthEveryPathIsOpen() {
        assertThat(
                        new RolePolicy(config(SecurityConfig.Auth.NONE, List.of()))
                                .permitsAnyone("/score"))
                .isTrue();
    }
}
