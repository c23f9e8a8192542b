package io.dreamloop.designer.campaign;

import io.dreamloop.contracts.event.AcquisitionOptions;
import io.dreamloop.contracts.event.DesignOptions;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.EventHeader;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.designer.persistence.CampaignEntity;
import io.dreamloop.designer.persistence.CampaignMeasurementEntity;
import io.dreamloop.designer.persistence.CampaignModelEntity;
import io.dreamloop.designer.persistence.CampaignRepository;
import io.dreamloop.designer.service.DesignService;
import io.dreamloop.designer.service.LibraryFailed;
import io.dreamloop.platform.error.ConflictException;
import io.dreamloop.platform.error.UnknownResourceException;
import io.dreamloop.platform.messaging.EventPublisher;
import io.dreamloop.platform.messaging.RejectedEventException;
import io.dreamloop.platform.trace.TraceIds;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Starts campaigns and moves them from cycle to cycle as their models are published. */
@ApplicationScoped
public class CampaignService {
    /** The metric a cycle's models are compared by: held-out Pearson r over every subset. */
    static final String HELD_OUT_R = "pearson.all";

    /**
     * A design cycle's GA starts from the best {@code budget / 5} sequences measured so far (20 of
     * a batch of 100, as {@code bench design-goal --start-from-best} measured it).
     */
    static final int START_PARENTS_PER_BUDGET = 5;

    private final CampaignRepository campaigns;
    private final DesignService designs;
    private final EventPublisher publisher;

    @Inject
    public CampaignService(
            final CampaignRepository campaigns,
            final DesignService designs,
            final EventPublisher publisher) {
        this.campaigns = campaigns;
        this.designs = designs;
        this.publisher = publisher;
    }

    /**
     * Stores a campaign and requests its first, random, library; call inside a transaction, so a
     * failed publish stores nothing.
     *
     * @throws IllegalArgumentException naming what is wrong with the request
     * @throws ConflictException when the id is taken
     */
    public CampaignEntity start(final CampaignRequest body) {
        final CampaignRequest r = body.validated();
        if (campaigns.find(r.campaignId()).isPresent()) {
            throw new ConflictException("campaign '%s' already exists".formatted(r.campaignId()));
        }
        final CampaignEntity campaign =
                new CampaignEntity(
                        r.campaignId(),
                        r.goal(),
                        r.strategy(),
                        r.cycles(),
                        r.budget(),
                        r.candidates(),
                        r.minHamming(),
                        r.seed(),
                        r.variableLength(),
                        r.testLibrary().resolved(),
                        new CampaignEntity.Design(r.objective(), r.kappa(), r.gaPreset()));
        final DesignRequested first = request(campaign, 0, List.of());
        final Optional<DesignRequested> test = testLibraryRequest(campaign);
        // Both checked before anything is stored or sent.
        test.ifPresent(designs::validate);
        designs.validate(first);
        campaigns.add(campaign);
        test.ifPresent(t -> publisher.publish(Topics.DESIGN_REQUESTED, t));
        publisher.publish(Topics.DESIGN_REQUESTED, first);
        Log.infof(
                "campaign %s: %s, %d cycles of %d, strategy %s; %scycle 0 requested in this trace",
                campaign.campaignId(),
                campaign.goal(),
                campaign.cycles(),
                campaign.budget(),
                campaign.strategy(),
                test.map(t -> "test library of %,d requested, ".formatted(t.totalSequences()))
                        .orElse(""));
        return campaign;
    }

    /**
     * A stored campaign; call inside a transaction.
     *
     * @throws UnknownResourceException naming the unknown id
     */
    public CampaignEntity get(final String campaignId) {
        return campaigns
                .find(campaignId)
                .orElseThrow(
                        () ->
                                new UnknownResourceException(
                                        "no campaign '%s'".formatted(campaignId)));
    }

    /**
     * Cancels a running campaign: no further cycle is requested. The cycle in flight (its library,
     * sort and training) still completes and its models are recorded, so nothing already measured
     * is lost. Call inside a transaction.
     *
     * @throws UnknownResourceException for an unknown campaign
     * @throws ConflictException when it is not running
     */
    public CampaignEntity cancel(final String campaignId, final String reason) {
        final CampaignEntity campaign = get(campaignId);
        if (campaign.status() != CampaignEntity.Status.RUNNING) {
            throw new ConflictException(
                    "campaign '%s' is %s, not running"
                            .formatted(
                                    campaignId, campaign.status().name().toLowerCase(Locale.ROOT)));
        }
        final String why = reason == null || reason.isBlank() ? "cancelled by a user" : reason;
        campaign.cancel(why);
        Log.infof(
                "campaign %s cancelled in cycle %d: %s", campaignId, campaign.currentCycle(), why);
        return campaign;
    }

    /**
     * Records a campaign model and, once its cycle's ensemble is complete, requests the next
     * cycle's library or finishes the campaign; runs in the consumer's transaction. Models of no
     * campaign are not the designer's business.
     *
     * @throws RejectedEventException for an unknown campaign or a model without cycle or ensemble
     *     member
     */
    public void onModelPublished(final ModelPublished event) {
        final Lineage lineage = event.header().lineage();
        if (lineage.campaignId() == null) {
            return;
        }
        if (lineage.cycle() == null || event.ensemble() == null) {
            throw new RejectedEventException(
                    "model %s of campaign %s lacks its cycle or ensemble member"
                            .formatted(event.modelVersion(), lineage.campaignId()));
        }
        final CampaignEntity campaign =
                campaigns
                        .find(lineage.campaignId())
                        .orElseThrow(
                                () ->
                                        new RejectedEventException(
                                                "model %s names unknown campaign '%s'"
                                                        .formatted(
                                                                event.modelVersion(),
                                                                lineage.campaignId())));
        final int cycle = lineage.cycle();
        campaigns.addModel(
                new CampaignModelEntity(
                        new CampaignModelEntity.Key(
                                campaign.campaignId(), cycle, event.ensemble().index()),
                        event.ensemble().size(),
                        event.modelVersion(),
                        event.metrics().get(HELD_OUT_R)));
        advanceIfComplete(campaign, cycle, event.ensemble().size());
    }

    /**
     * Keeps what a design-goal campaign's cycle libraries measured, so the next cycle's GA can
     * start from the best of them; runs in the consumer's transaction, and a redelivered chunk adds
     * nothing. Measurements of other libraries (no campaign, a test library, a campaign for a
     * better model) are not kept.
     *
     * @throws RejectedEventException when a measured oligo lacks the campaign's flanks
     */
    public void onMeasurementsRecorded(final MeasurementsRecorded event) {
        final Lineage lineage = event.header().lineage();
        if (lineage.campaignId() == null || lineage.cycle() == null) {
            return;
        }
        final Optional<CampaignEntity> campaign = campaigns.find(lineage.campaignId());
        if (campaign.isEmpty() || objective(campaign.get()).designs() == null) {
            return;
        }
        final List<CampaignMeasurementEntity> rows = new ArrayList<>();
        for (final Measurement m : event.measurements()) {
            final DnaSequence variable;
            try {
                variable = Flanks.DREAM_2022.unwrap(m.sequence());
            } catch (final IllegalArgumentException e) {
                throw new RejectedEventException(
                        "measurement %s of campaign %s: %s"
                                .formatted(m.memberId(), lineage.campaignId(), e.getMessage()));
            }
            rows.add(
                    new CampaignMeasurementEntity(
                            new CampaignMeasurementEntity.Key(lineage.campaignId(), m.memberId()),
                            lineage.cycle(),
                            variable.bases(),
                            m.value()));
        }
        campaigns.addMeasurements(rows);
    }

    /**
     * The variable regions the next design cycle's GA starts from: the best fifth of a budget among
     * everything the campaign measured (highest for maximize, lowest for minimize).
     */
    private List<DnaSequence> startParents(final CampaignEntity campaign) {
        final CampaignObjective objective = objective(campaign);
        if (objective.designs() == null) {
            return List.of();
        }
        return campaigns
                .bestMeasured(
                        campaign.campaignId(),
                        objective == CampaignObjective.MAXIMIZE,
                        Math.max(1, campaign.budget() / START_PARENTS_PER_BUDGET))
                .stream()
                .map(DnaSequence::of)
                .toList();
    }

    private static CampaignObjective objective(final CampaignEntity campaign) {
        return CampaignObjective.fromWireName(campaign.design().objective());
    }

    private void advanceIfComplete(final CampaignEntity campaign, final int cycle, final int size) {
        if (campaign.status() != CampaignEntity.Status.RUNNING
                || cycle != campaign.currentCycle()) {
            return;
        }
        final List<CampaignModelEntity> models = campaigns.models(campaign.campaignId(), cycle);
        if (models.size() < size) {
            return;
        }
        final double r = CampaignModelEntity.meanHeldOutR(models).orElse(Double.NaN);
        if (cycle >= campaign.cycles()) {
            campaign.finish();
            Log.infof(
                    "campaign %s finished: cycle %d models in, mean held-out r %.4f",
                    campaign.campaignId(), cycle, r);
            return;
        }
        campaign.advance();
        final DesignRequested next =
                request(
                        campaign,
                        cycle + 1,
                        models.stream().map(CampaignModelEntity::modelVersion).toList(),
                        startParents(campaign));
        publisher.publish(Topics.DESIGN_REQUESTED, next);
        // Logged under the finished cycle's trace and naming the next one, so cycles chain.
        Log.infof(
                "campaign %s: cycle %d models in (mean held-out r %.4f); cycle %d requested, trace %s",
                campaign.campaignId(), cycle, r, cycle + 1, next.header().traceId());
    }

    /**
     * A cycle's library failed to design: the campaign stops with the reason. Runs in the
     * consumer's transaction.
     */
    void libraryFailed(@Observes final LibraryFailed failed) {
        final DesignRequested request = failed.request();
        final String why = failed.reason();
        final String id = request.header().lineage().campaignId();
        if (id == null) {
            return;
        }
        campaigns
                .find(id)
                .filter(c -> c.status() == CampaignEntity.Status.RUNNING)
                .ifPresent(
                        c -> {
                            c.fail("library %s failed: %s".formatted(request.libraryId(), why));
                            Log.warnf("campaign %s failed: %s", id, c.failure());
                        });
    }

    /** The trace id of a campaign's cycle after the first. */
    static String cycleTrace(final String campaignId, final int cycle) {
        return TraceIds.derived("campaign/" + campaignId + "/cycle/" + cycle);
    }

    /**
     * The request of a campaign's test library, if it has one: every subset of its settings at the
     * same size, the model-guided ones designed on the predictor's champion (challenging: against
     * the campaign's challenger). Its lineage names the campaign and no cycle ({@link
     * Lineage#testLibrary}); its event id derives from the campaign, so a request sent again is
     * dropped as a duplicate. It continues the trace of the request that started the campaign, like
     * cycle 0.
     */
    static Optional<DesignRequested> testLibraryRequest(final CampaignEntity campaign) {
        final CampaignEntity.TestLibrary test = campaign.testLibrary();
        if (!test.present()) {
            return Optional.empty();
        }
        final String libraryId = campaign.testLibraryId();
        final EventTypes.Type type = EventTypes.DESIGN_REQUESTED;
        return Optional.of(
                new DesignRequested(
                        EventHeader.deterministic(
                                type.name(),
                                type.schemaVersion(),
                                Lineage.testLibrary(campaign.campaignId(), libraryId),
                                "campaign/" + campaign.campaignId() + "/test"),
                        libraryId,
                        test.subsets().stream()
                                .map(s -> new SubsetQuota(s, test.perSubset()))
                                .toList(),
                        campaign.variableLength(),
                        Flanks.DREAM_2022,
                        LibraryConstraints.NONE,
                        // Apart from every cycle's seed (seed * 1,000,003 + cycle, cycle >= 0).
                        campaign.seed() * 1_000_003L - 1,
                        new DesignOptions(
                                null,
                                test.challenger(),
                                test.gaPreset(),
                                null,
                                null,
                                test.nativePromoters())));
    }

    /**
     * The library request of a cycle. Its event id derives from campaign and cycle, so a request
     * sent again after a crash is dropped by the designer as a duplicate.
     *
     * <p>Each cycle is one trace: cycle 0 continues the trace of the request that started the
     * campaign (the publisher writes it in); every later cycle starts a trace of its own, derived
     * from campaign and cycle, which its library, sort, measurements and models carry.
     */
    static DesignRequested request(
            final CampaignEntity campaign, final int cycle, final List<String> ensemble) {
        return request(campaign, cycle, ensemble, List.of());
    }

    /**
     * The library request of a cycle, a design goal's GA starting from {@code parents} (random when
     * empty).
     */
    static DesignRequested request(
            final CampaignEntity campaign,
            final int cycle,
            final List<String> ensemble,
            final List<DnaSequence> parents) {
        final String libraryId = campaign.libraryId(cycle);
        final CampaignObjective objective = objective(campaign);
        final List<SubsetQuota> quotas =
                List.of(
                        new SubsetQuota(
                                cycle == 0 || objective.designs() == null
                                        ? Subset.RANDOM
                                        : objective.designs(),
                                campaign.budget()));
        return new DesignRequested(
                cycleHeader(campaign, cycle, libraryId),
                libraryId,
                quotas,
                campaign.variableLength(),
                Flanks.DREAM_2022,
                LibraryConstraints.NONE,
                campaign.seed() * 1_000_003L + cycle,
                cycleOptions(campaign, cycle, objective, ensemble, parents));
    }

    /** The header of a cycle's request, with the trace described at {@link #request}. */
    private static EventHeader cycleHeader(
            final CampaignEntity campaign, final int cycle, final String libraryId) {
        final EventTypes.Type type = EventTypes.DESIGN_REQUESTED;
        final EventHeader header =
                EventHeader.deterministic(
                        type.name(),
                        type.schemaVersion(),
                        new Lineage(campaign.campaignId(), cycle, libraryId, null, null),
                        "campaign/" + campaign.campaignId() + "/" + cycle);
        return cycle == 0 ? header : header.withTraceId(cycleTrace(campaign.campaignId(), cycle));
    }

    /**
     * Cycle 0 is a plain random library (there is no model yet); later cycles either run the GA of
     * a design goal or acquire a random subset with the campaign's strategy.
     */
    private static DesignOptions cycleOptions(
            final CampaignEntity campaign,
            final int cycle,
            final CampaignObjective objective,
            final List<String> ensemble,
            final List<DnaSequence> parents) {
        if (cycle == 0) {
            return DesignOptions.DEFAULT;
        }
        if (objective.designs() != null) {
            // A design goal: the GA pushes the ensemble's confidence bound (a lone model's
            // prediction when the trainer is configured for ensembles of one).
            final String preset = campaign.design().gaPreset();
            return (ensemble.size() < 2
                            ? new DesignOptions(ensemble.getFirst(), null, preset, null, null, null)
                            : new DesignOptions(null, null, preset, null, null, null)
                                    .withEnsemble(ensemble, campaign.design().kappa()))
                    .withStartFrom(parents);
        }
        return DesignOptions.DEFAULT.withAcquisition(
                new AcquisitionOptions(
                        campaign.strategy(),
                        ensemble,
                        campaign.candidates(),
                        campaign.minHamming()));
    }
}
