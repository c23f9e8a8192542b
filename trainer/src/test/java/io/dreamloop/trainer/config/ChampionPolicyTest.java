package io.dreamloop.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChampionPolicyTest {

    @Test
    void wireNamesRoundTrip() {
        assertThat(ChampionPolicy.values())
                .extracting(ChampionPolicy::wireName)
                .containsExactly("always", "never", "not-worse");
        for (final ChampionPolicy p : ChampionPolicy.values()) {
            assertThat(ChampionPolicy.fromWireName(p.wireName())).isSameAs(p);
        }
    }

    @Test
    void anUnknownNameFailsWithTheValidNames() {
        assertThatThrownBy(() -> ChampionPolicy.fromWireName("NOT_WORSE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown champion policy 'NOT_WORSE'; known: always, never, not-worse");
        assertThatThrownBy(() -> ChampionPolicy.fromWireName("better"))
                .hasMessageContaining("'better'");
    }

    @Test
    void configurationReadsTheWireName() {
        assertThat(new ChampionPolicy.Converter().convert(" not-worse "))
                .isEqualTo(ChampionPolicy.NOT_WORSE);
        assertThatThrownBy(() -> new ChampionPolicy.Converter().convert("sometimes"))
                .hasMessageContaining("known: always, never, not-worse");
    }
}
