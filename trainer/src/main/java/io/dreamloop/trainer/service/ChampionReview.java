package io.dreamloop.trainer.service;

import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.trainer.config.ChampionPolicy;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.training.TrainingResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the champion policy to a trained version: scores it and the champion the predictor serves
 * on the same held-out rows by the challenge's scores, and decides ({@link ChampionDecision}) under
 * the trainer's policy, or the campaign policy for a campaign member.
 */
@ApplicationScoped
public class ChampionReview {
    /** Scores stored models on held-out rows. */
    interface Scoring {
        /** The stored model {@code sha256} scored on the rows. */
        ChallengeScore candidate(ModelStore store, String sha256, HeldOut heldOut);

        /** The served champion scored on the rows; empty when nothing is served. */
        Optional<ChampionDecision.Served> served(ModelStore store, HeldOut heldOut);
    }

    /**
     * A reviewed version.
     *
     * @param score the new version's challenge score on the held-out rows
     * @param decision whether it becomes champion, and why
     * @param metrics the score's metrics, plus {@code champion.pearson.all} when the served
     *     champion was scored
     */
    record Review(ChallengeScore score, ChampionDecision decision, Map<String, Double> metrics) {
        Review {
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(decision, "decision");
            // Kept in the score's order: it is stored and published as JSON.
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        /** The held-out Pearson r over all rows. */
        double r() {
            return score.all().r();
        }
    }

    private final TrainerConfig config;
    private final Scoring scoring;

    @Inject
    public ChampionReview(final TrainerConfig config, final ServedChampions served) {
        this(
                config,
                new Scoring() {
                    @Override
                    public ChallengeScore candidate(
                            final ModelStore store, final String sha256, final HeldOut heldOut) {
                        return ServedChampions.score(store, sha256, heldOut, served.scoring());
                    }

                    @Override
                    public Optional<ChampionDecision.Served> served(
                            final ModelStore store, final HeldOut heldOut) {
                        return served.evaluate(store, heldOut);
                    }
                });
    }

    ChampionReview(final TrainerConfig config, final Scoring scoring) {
        this.config = config;
        this.scoring = scoring;
    }

    /**
     * Reviews a run's result.
     *
     * @param member the campaign member trained, or null outside campaigns
     * @throws IllegalStateException when validation r was never finite (training diverged)
     */
    Review review(
            final TrainingResult result,
            final HeldOut heldOut,
            final ModelStore store,
            final CampaignMember member) {
        if (!Double.isFinite(result.bestValidationR())) {
            throw new IllegalStateException(
                    "training diverged: validation r is %s at every epoch; lower dreamloop.trainer.training.max-lr or raise batch-size"
                            .formatted(result.bestValidationR()));
        }
        final ChallengeScore score = scoring.candidate(store, result.manifest().sha256(), heldOut);
        final ChampionDecision decision =
                ChampionDecision.decide(
                        policy(member), score.all().r(), scoring.served(store, heldOut));
        final Map<String, Double> metrics = ScoreMetrics.of("", score);
        if (decision.servedR() != null) {
            metrics.put("champion.pearson.all", decision.servedR());
        }
        return new Review(score, decision, metrics);
    }

    /** The campaign policy for a campaign member, else the trainer's. */
    ChampionPolicy policy(final CampaignMember member) {
        return member == null
                ? config.training().championPolicy()
                : config.campaign().championPolicy();
    }
}
