package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.trainer.config.ChampionPolicy;
import io.dreamloop.trainer.config.TrainingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChampionReviewTest {
    private static final HeldOut HELD_OUT = new HeldOut(Fakes.rows(30, 3));
    private static final ModelStore STORE = new ModelStore(Path.of("/tmp/no-store"));

    /** Scores the candidate by the given predictions' noise and serves a fixed champion. */
    private static final class Scoring implements ChampionReview.Scoring {
        final List<String> scored = new ArrayList<>();
        final Optional<ChampionDecision.Served> served;
        final double noise;

        Scoring(final double noise, final Optional<ChampionDecision.Served> served) {
            this.noise = noise;
            this.served = served;
        }

        @Override
        public ChallengeScore candidate(
                final ModelStore store, final String sha256, final HeldOut heldOut) {
            scored.add(sha256);
            return Fakes.score(heldOut, noise);
        }

        @Override
        public Optional<ChampionDecision.Served> served(
                final ModelStore store, final HeldOut heldOut) {
            return served;
        }
    }

    private static final Optional<ChampionDecision.Served> PERFECT =
            Optional.of(ChampionDecision.Served.scored("champ", "trained here", 1.0));

    @Test
    void aWorseVersionStaysBehindTheServedChampionUnderNotWorse() {
        final Scoring scoring = new Scoring(20, PERFECT);
        final ChampionReview.Review review =
                review(ChampionPolicy.NOT_WORSE, ChampionPolicy.ALWAYS, scoring, null);
        assertThat(scoring.scored).containsExactly("ab".repeat(32));
        assertThat(review.r()).isLessThan(1.0);
        assertThat(review.decision().becomesChampion()).isFalse();
        assertThat(review.decision().servedVersion()).isEqualTo("champ");
        assertThat(review.metrics())
                .containsEntry("champion.pearson.all", 1.0)
                .containsEntry("pearson.all", review.r())
                .containsKey("score.pearson");
    }

    @Test
    void aCampaignMemberIsDecidedByTheCampaignPolicy() {
        final ChampionReview.Review review =
                review(
                        ChampionPolicy.NOT_WORSE,
                        ChampionPolicy.NEVER,
                        new Scoring(0, Optional.empty()),
                        new CampaignMember("camp", 1, 0, 3));
        assertThat(review.r()).isEqualTo(1.0, offset(1e-6));
        assertThat(review.decision().becomesChampion()).isFalse();
        assertThat(review.metrics()).doesNotContainKey("champion.pearson.all");
    }

    @Test
    void withNothingServedTheTrainersPolicyCrownsTheVersion() {
        final ChampionReview.Review review =
                review(
                        ChampionPolicy.NOT_WORSE,
                        ChampionPolicy.NEVER,
                        new Scoring(0, Optional.empty()),
                        null);
        assertThat(review.decision().becomesChampion()).isTrue();
    }

    @Test
    void aRunWhoseValidationRWasNeverFiniteDivergedAndIsNotScored() {
        final Scoring scoring = new Scoring(0, PERFECT);
        final ChampionReview reviewer =
                new ChampionReview(
                        Fakes.config(
                                "/tmp",
                                TrainingMode.SCRATCH,
                                ChampionPolicy.ALWAYS,
                                ChampionPolicy.ALWAYS),
                        scoring);
        assertThatThrownBy(
                        () ->
                                reviewer.review(
                                        Fakes.result("v1", Double.NaN), HELD_OUT, STORE, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("training diverged: validation r is NaN at every epoch");
        assertThat(scoring.scored).isEmpty();
    }

    private static ChampionReview.Review review(
            final ChampionPolicy policy,
            final ChampionPolicy campaignPolicy,
            final Scoring scoring,
            final CampaignMember member) {
        return new ChampionReview(
                        Fakes.config("/tmp", TrainingMode.SCRATCH, policy, campaignPolicy), scoring)
                .review(Fakes.result("v1", 0.5), HELD_OUT, STORE, member);
    }
}
