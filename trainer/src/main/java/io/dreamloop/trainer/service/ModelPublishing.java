package io.dreamloop.trainer.service;

import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.platform.messaging.EventPublisher;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.dreamloop.training.TrainingJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Registers a reviewed version, publishes model-published and closes its run, in one transaction:
 * until it commits nothing changes, so a run that dies before leaves the previous champion serving.
 */
@ApplicationScoped
public class ModelPublishing {
    /** Sends an event to a topic (the acknowledged {@link EventPublisher} in the service). */
    @FunctionalInterface
    interface Publisher {
        void publish(String topic, Event event);
    }

    /**
     * What a run produced.
     *
     * @param runId the run
     * @param job the job the model was trained with
     * @param manifest the stored model
     * @param parent the fine-tuned champion's version, or null
     * @param uri where the store keeps the artifact
     * @param member the campaign member trained, or null outside campaigns
     */
    record Candidate(
            String runId,
            TrainingJob job,
            ModelManifest manifest,
            String parent,
            String uri,
            CampaignMember member) {
        Candidate {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(uri, "uri");
        }
    }

    private final TrainerConfig config;
    private final ModelRegistry registry;
    private final Publisher publisher;
    private final Transactions transactions;

    @Inject
    public ModelPublishing(
            final TrainerConfig config,
            final ModelRegistry registry,
            final EventPublisher publisher,
            final Transactions transactions) {
        this(config, registry, (Publisher) publisher::publish, transactions);
    }

    ModelPublishing(
            final TrainerConfig config,
            final ModelRegistry registry,
            final Publisher publisher,
            final Transactions transactions) {
        this.config = config;
        this.registry = registry;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** Registers, publishes and marks the run succeeded with the decision's reason. */
    void publish(final Candidate c, final RunData data, final ChampionReview.Review review) {
        transactions.run(
                () -> {
                    registry.register(version(c, data, review));
                    publisher.publish(Topics.MODEL_PUBLISHED, event(c, review));
                    registry.run(c.runId()).ifPresent(run -> succeeded(run, c, review));
                });
    }

    /** The registry's row of the new version. */
    ModelVersionEntity version(
            final Candidate c, final RunData data, final ChampionReview.Review review) {
        final EventCodec json = EventCodec.instance();
        final ModelManifest m = c.manifest();
        final double r = review.r();
        return new ModelVersionEntity(
                m.modelVersion(),
                c.parent(),
                m.architecture(),
                text(json, m.configuration()),
                text(json, c.job().recipe()),
                text(json, dataset(data)),
                text(json, review.metrics()),
                Double.isFinite(r) ? r : 0,
                m.sha256(),
                c.uri(),
                review.decision().becomesChampion(),
                c.runId());
    }

    /** What the version learned from, with the held-out rule's inputs. */
    private Map<String, Object> dataset(final RunData data) {
        final TrainerConfig.Training t = config.training();
        return Map.of(
                "scale", t.scale(),
                "method", t.method().wireName(),
                "trainingRows", data.train().size(),
                "heldOutRows", data.heldOut().rows().size(),
                // The held-out rule's inputs, so lineage can tell a row's side later.
                "heldOutSeed", t.seed(),
                "validationFraction", t.validationFraction(),
                "files", t.files().orElse(List.of()));
    }

    /** The model-published event; a campaign member's carries its campaign, cycle and index. */
    static ModelPublished event(final Candidate c, final ChampionReview.Review review) {
        final ModelManifest m = c.manifest();
        final CampaignMember member = c.member();
        final Lineage lineage =
                member == null
                        ? Lineage.NONE.withModelVersion(m.modelVersion())
                        : new Lineage(
                                member.campaignId(), member.cycle(), null, null, m.modelVersion());
        return new ModelPublished(
                EventTypes.header(ModelPublished.class, lineage),
                m.modelVersion(),
                m.architecture(),
                c.parent(),
                m.sha256(),
                c.uri(),
                review.decision().becomesChampion(),
                review.metrics(),
                member == null
                        ? null
                        : new ModelPublished.EnsembleMember(member.index(), member.size()));
    }

    private static void succeeded(
            final TrainingRunEntity run, final Candidate c, final ChampionReview.Review review) {
        final ChampionDecision d = review.decision();
        run.decided(d.becomesChampion(), review.r(), d.servedVersion(), d.servedR());
        run.finish(TrainingRunEntity.State.SUCCEEDED, d.reason(), c.manifest().modelVersion());
    }

    private static String text(final EventCodec json, final Object value) {
        return new String(json.toJsonBytes(value), StandardCharsets.UTF_8);
    }
}
