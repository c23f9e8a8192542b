package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.trainer.config.ChampionPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChampionDecisionTest {
    private static final Optional<ChampionDecision.Served> FIXTURE =
            Optional.of(
                    ChampionDecision.Served.scored("dream-cnn-demo", "TorchScript import", 0.612));
    private static final Optional<ChampionDecision.Served> UNLOADABLE =
            Optional.of(
                    ChampionDecision.Served.unloadable(
                            "dream-cnn-demo",
                            "TorchScript import",
                            "no model artifact 5560ea7b in /models"));

    @Test
    void aWorseVersionIsNotChampionAndTheReasonCarriesBothNumbers() {
        final ChampionDecision d =
                ChampionDecision.decide(ChampionPolicy.NOT_WORSE, 0.34512, FIXTURE);
        assertThat(d.becomesChampion()).isFalse();
        assertThat(d.reason())
                .isEqualTo(
                        "not champion: held-out r 0.3451 < 0.6120 of dream-cnn-demo (served by the predictor, TorchScript import)");
        assertThat(d.heldOutR()).isEqualTo(0.34512);
        assertThat(d.servedVersion()).isEqualTo("dream-cnn-demo");
        assertThat(d.servedR()).isEqualTo(0.612);
    }

    @Test
    void anEqualOrBetterVersionIsChampion() {
        final ChampionDecision equal =
                ChampionDecision.decide(ChampionPolicy.NOT_WORSE, 0.612, FIXTURE);
        assertThat(equal.becomesChampion()).isTrue();
        assertThat(equal.reason())
                .isEqualTo(
                        "champion: held-out r 0.6120 >= 0.6120 of dream-cnn-demo (served by the predictor, TorchScript import)");
        assertThat(
                        ChampionDecision.decide(ChampionPolicy.NOT_WORSE, 0.7, FIXTURE)
                                .becomesChampion())
                .isTrue();
    }

    @Test
    void withNothingServedTheNewVersionIsChampion() {
        final ChampionDecision d =
                ChampionDecision.decide(ChampionPolicy.NOT_WORSE, 0.2, Optional.empty());
        assertThat(d.becomesChampion()).isTrue();
        assertThat(d.reason())
                .isEqualTo("champion: held-out r 0.2000; the predictor serves no champion yet");
        assertThat(d.servedVersion()).isNull();
        assertThat(d.servedR()).isNull();
    }

    @Test
    void aServedChampionThatCannotBeLoadedKeepsServing() {
        final ChampionDecision d =
                ChampionDecision.decide(ChampionPolicy.NOT_WORSE, 0.9, UNLOADABLE);
        assertThat(d.becomesChampion()).isFalse();
        assertThat(d.reason())
                .isEqualTo(
                        "not champion: held-out r 0.9000, but dream-cnn-demo (served by the predictor, TorchScript import) could not be loaded to score the same rows: no model artifact 5560ea7b in /models");
        assertThat(d.servedVersion()).isEqualTo("dream-cnn-demo");
        assertThat(d.servedR()).isNull();
    }

    @Test
    void anRThatIsNotANumberRanksBelowEveryR() {
        assertThat(
                        ChampionDecision.decide(ChampionPolicy.NOT_WORSE, Double.NaN, FIXTURE)
                                .becomesChampion())
                .isFalse();
        final Optional<ChampionDecision.Served> constant =
                Optional.of(ChampionDecision.Served.scored("flat", "trained here", Double.NaN));
        assertThat(
                        ChampionDecision.decide(ChampionPolicy.NOT_WORSE, -0.1, constant)
                                .becomesChampion())
                .isTrue();
    }

    @Test
    void alwaysAndNeverDecideAloneAndStillGiveBothNumbers() {
        final ChampionDecision always =
                ChampionDecision.decide(ChampionPolicy.ALWAYS, 0.1, FIXTURE);
        assertThat(always.becomesChampion()).isTrue();
        assertThat(always.reason())
                .isEqualTo(
                        "champion (policy always): held-out r 0.1000, 0.6120 of dream-cnn-demo (served by the predictor, TorchScript import)");
        assertThat(
                        ChampionDecision.decide(ChampionPolicy.ALWAYS, 0.1, UNLOADABLE)
                                .becomesChampion())
                .isTrue();
        final ChampionDecision never = ChampionDecision.decide(ChampionPolicy.NEVER, 0.9, FIXTURE);
        assertThat(never.becomesChampion()).isFalse();
        assertThat(never.reason())
                .startsWith("not champion (policy never): held-out r 0.9000, 0.6120");
        final ChampionDecision alone =
                ChampionDecision.decide(ChampionPolicy.NEVER, 0.9, Optional.empty());
        assertThat(alone.becomesChampion()).isFalse();
        assertThat(alone.reason())
                .isEqualTo(
                        "not champion (policy never): held-out r 0.9000; the predictor serves no champion yet");
    }

    @Test
    void aServedChampionIsEitherScoredOrNotLoadable() {
        assertThatThrownBy(() -> new ChampionDecision.Served("v", "import", 0.5, "broken"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChampionDecision.Served("v", "import", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChampionDecision(true, " ", 0.5, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChampionDecision(true, "champion", 0.5, null, 0.4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
