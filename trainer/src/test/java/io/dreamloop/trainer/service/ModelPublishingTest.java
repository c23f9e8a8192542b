package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.trainer.config.ChampionPolicy;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelPublishingTest {
    private static final String RUN = "train-20261207-124000-abc123";
    private static final RunData DATA =
            new TrainingData(Fakes.config("/tmp"), new Fakes.Measurements(List.of(), 0))
                    .split(Fakes.rows(100, 5), 2);
    private static final TrainingJob JOB =
            TrainingJob.fromScratch(
                    "v1",
                    Architecture.DREAM_CNN,
                    DjlModels.configuration(Architecture.DREAM_CNN, ModelSize.CPU),
                    Recipe.dream(Architecture.DREAM_CNN));

    private final Fakes.Registry registry = new Fakes.Registry();
    private final List<String> topics = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Fakes.Direct transactions = new Fakes.Direct();
    private final ModelPublishing publishing =
            new ModelPublishing(
                    Fakes.config("/tmp"),
                    registry,
                    (topic, event) -> {
                        topics.add(topic);
                        events.add(event);
                    },
                    transactions);

    @Test
    void aChampionIsRegisteredPublishedAndItsRunSucceedsInOneTransaction() {
        registry.add(Fakes.queuedRun(RUN));
        final ChampionReview.Review review = review(ChampionPolicy.ALWAYS);

        publishing.publish(candidate("parent-v0", null), DATA, review);

        assertThat(transactions.calls).isEqualTo(1);
        final ModelVersionEntity v = registry.registered.getFirst();
        assertThat(v.version()).isEqualTo("v1");
        assertThat(v.parentVersion()).isEqualTo("parent-v0");
        assertThat(v.champion()).isTrue();
        assertThat(v.validationR()).isEqualTo(review.r());
        assertThat(v.trainingRun()).isEqualTo(RUN);
        assertThat(v.artifactUri()).isEqualTo("file:///store/v1");
        assertThat(v.trainingData())
                .contains("\"trainingRows\":" + DATA.train().size())
                .contains("\"heldOutSeed\":42");
        assertThat(topics).containsExactly(Topics.MODEL_PUBLISHED);
        final ModelPublished event = (ModelPublished) events.getFirst();
        assertThat(event.champion()).isTrue();
        assertThat(event.parentVersion()).isEqualTo("parent-v0");
        assertThat(event.header().lineage().modelVersion()).isEqualTo("v1");
        assertThat(event.ensemble()).isNull();
        final TrainingRunEntity run = registry.runs.get(RUN);
        assertThat(run.state()).isEqualTo(TrainingRunEntity.State.SUCCEEDED);
        assertThat(run.reason()).isEqualTo(review.decision().reason());
        assertThat(run.modelVersion()).isEqualTo("v1");
        assertThat(run.champion()).isTrue();
    }

    @Test
    void aCampaignMembersEventCarriesItsCampaignCycleAndIndex() {
        final ModelPublished event =
                ModelPublishing.event(
                        candidate(null, new CampaignMember("camp", 4, 2, 3)),
                        review(ChampionPolicy.NEVER));
        assertThat(event.champion()).isFalse();
        assertThat(event.header().lineage().campaignId()).isEqualTo("camp");
        assertThat(event.header().lineage().cycle()).isEqualTo(4);
        assertThat(event.ensemble()).isEqualTo(new ModelPublished.EnsembleMember(2, 3));
        assertThat(event.metrics()).containsKey("pearson.all");
    }

    @Test
    void aFailedPublishLeavesTheRunAsItWas() {
        registry.add(Fakes.queuedRun(RUN));
        final ModelPublishing failing =
                new ModelPublishing(
                        Fakes.config("/tmp"),
                        registry,
                        (topic, event) -> {
                            throw new IllegalStateException("broker down");
                        },
                        transactions);
        assertThatThrownBy(
                        () ->
                                failing.publish(
                                        candidate(null, null), DATA, review(ChampionPolicy.ALWAYS)))
                .hasMessage("broker down");
        assertThat(registry.runs.get(RUN).state()).isEqualTo(TrainingRunEntity.State.QUEUED);
    }

    private static ModelPublishing.Candidate candidate(
            final String parent, final CampaignMember member) {
        return new ModelPublishing.Candidate(
                RUN, JOB, Fakes.result("v1", 0.5).manifest(), parent, "file:///store/v1", member);
    }

    private static ChampionReview.Review review(final ChampionPolicy policy) {
        final var score = Fakes.score(DATA.heldOut(), 1);
        return new ChampionReview.Review(
                score,
                ChampionDecision.decide(policy, score.all().r(), Optional.empty()),
                ScoreMetrics.of("", score));
    }
}
