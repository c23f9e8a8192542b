package io.dreamloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private static final String ROBOT_KEY = "robot-key-0123456789abcdef";
    private static final String DASHBOARD_KEY = "dashboard-key-fedcba9876543210";

    static String hash(final String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    @Test
    void aKeyMatchesItsEntryWithItsRoles() {
        final ApiKeys keys =
                ApiKeys.parse(
                        List.of(
                                "lab-robot:submitter:" + hash(ROBOT_KEY),
                                " dashboard : reader : " + hash(DASHBOARD_KEY)));
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.match(ROBOT_KEY)).get().extracting(ApiKey::name).isEqualTo("lab-robot");
        assertThat(keys.match(DASHBOARD_KEY).orElseThrow().roles()).containsExactly(Role.READER);
        assertThat(keys.match("robot-key-0123456789abcdeF")).isEmpty();
        assertThat(keys.match("")).isEmpty();
    }

    @Test
    void theHashIsSha256sumOfTheKey() {
        // printf %s test | sha256sum
        assertThat(hash("test"))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void rolesJoinWithPlusAndSubmitterReadsToo() {
        final ApiKey both = ApiKey.parse("ops:reader+submitter:" + hash("k"));
        assertThat(both.roles()).containsExactlyInAnyOrder(Role.READER, Role.SUBMITTER);
        final ApiKey submitter = ApiKey.parse("ops:submitter:" + hash("k"));
        assertThat(submitter.grants(Role.READER)).isTrue();
        final ApiKey reader = ApiKey.parse("view:reader:" + hash("k"));
        assertThat(reader.grants(Role.READER)).isTrue();
        assertThat(reader.grants(Role.SUBMITTER)).isFalse();
    }

    @Test
    void badEntriesAreNamedWithoutEchoingTheHash() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("robot:submitter")))
                .hasMessage(
                        "dreamloop.security.api-keys entry 1: API key entry must be name:roles:sha256, but has 2 part(s)");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("a:reader:" + hash("x"), "b:admin:ab")))
                .hasMessage(
                        "dreamloop.security.api-keys entry 2: unknown role 'admin', expected reader or submitter");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("robot:reader:SECRETKEY")))
                .hasMessageContaining("expected the key's SHA-256 as 64 lower-case hex digits")
                .hasMessageNotContaining("SECRETKEY");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("robot::" + hash("x"))))
                .hasMessageContaining("API key 'robot' has no role");
        assertThatThrownBy(
                        () ->
                                ApiKeys.parse(
                                        List.of(
                                                "a:reader:" + hash("x"),
                                                "a:submitter:" + hash("y"))))
                .hasMessage("dreamloop.security.api-keys: name 'a' is used twice");
        assertThatThrownBy(
                        () ->
                                ApiKeys.parse(
                                        List.of("a:reader:" + hash("x"), "b:reader:" + hash("x"))))
                .hasMessage("dreamloop.security.api-keys: 'b' has the same key as another entry");
    }

    @Test
    void readingMethodsNeedReaderAndTheRestSubmitter() {
        for (final String method : Set.of("GET", "HEAD", "OPTIONS")) {
            assertThat(Role.neededFor(method)).as(method).isEqualTo(Role.READER);
        }
        for (final String method : Set.of("POST", "PUT", "PATCH", "DELETE")) {
            assertThat(Role.neededFor(method)).as(method).isEqualTo(Role.SUBMITTER);
        }
    }
}
