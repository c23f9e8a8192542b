package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GaSettingsTest {

    @Test
    void presetsAreTheReferences() {
        assertThat(GaSettings.vaishnav())
                .isEqualTo(new GaSettings(100_000, 10, 0.1, 0.1, 0.025, 3, 1));
        final GaSettings deBoer = GaSettings.deBoer();
        assertThat(deBoer.populationSize()).isEqualTo(100);
        assertThat(deBoer.generations()).isEqualTo(100);
        assertThat(deBoer.crossoverProbability()).isEqualTo(0.1);
        assertThat(deBoer.mutationProbability()).isEqualTo(1.0);
        assertThat(deBoer.substitutionRate()).isEqualTo(0.02);
        assertThat(GaSettings.cpu().populationSize()).isLessThan(10_000);
    }

    @Test
    void withersChangeOneParameter() {
        final GaSettings s = GaSettings.vaishnav().withPopulationSize(50).withGenerations(3);
        assertThat(s).isEqualTo(new GaSettings(50, 3, 0.1, 0.1, 0.025, 3, 1));
        assertThat(s.asMap())
                .containsEntry("populationSize", "50")
                .containsEntry("tournamentSize", "3")
                .hasSize(7);
    }

    @Test
    void outOfRangeParametersAreNamed() {
        assertThatThrownBy(() -> new GaSettings(1, 10, 0.1, 0.1, 0.025, 3, 1))
                .hasMessage("populationSize must be >= 2, but was 1");
        assertThatThrownBy(() -> new GaSettings(10, 10, 0.1, 1.5, 0.025, 3, 1))
                .hasMessage("mutationProbability must be in [0, 1], but was 1.5");
        assertThatThrownBy(() -> new GaSettings(10, 10, 0.1, 0.1, Double.NaN, 3, 1))
                .hasMessage("substitutionRate must be in [0, 1], but was NaN");
        assertThatThrownBy(() -> new GaSettings(10, 10, 0.1, 0.1, 0.025, 1, 1))
                .hasMessage("tournamentSize must be >= 2, but was 1");
        assertThatThrownBy(() -> new GaSettings(10, 10, 0.1, 0.1, 0.025, 3, 0))
                .hasMessage("maxRuns must be >= 1, but was 0");
    }
}
