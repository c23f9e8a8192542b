package io.dreamloop.designer.rest;

import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.campaign.CampaignObjective;
import io.dreamloop.designer.persistence.CampaignEntity;
import io.dreamloop.designer.persistence.CampaignModelEntity;
import io.dreamloop.designer.persistence.DesignedLibraryEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A campaign as {@code GET /campaigns/{id}} shows it: its settings, where it is, its test library,
 * and per cycle the library and the models trained after it with their held-out r. The cycles'
 * scores on the test library are the trainer's ({@code GET /campaigns/{id}/evaluation} there).
 */
public record CampaignView(
        String campaignId,
        String goal,
        String objective,
        Double kappa,
        String strategy,
        int cycles,
        int budget,
        int candidates,
        int minHamming,
        long seed,
        String status,
        int currentCycle,
        String failure,
        TestLibraryView testLibrary,
        List<Cycle> cycleDetails,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * One cycle.
     *
     * @param cycle 0 is the first, random, batch
     * @param libraryId its library
     * @param libraryStatus {@code requested}, {@code designed} or {@code failed}
     * @param members members designed
     * @param models the ensemble trained on the measurements up to this cycle
     * @param meanHeldOutR the models' mean held-out Pearson r, null until one is in
     */
    public record Cycle(
            int cycle,
            String libraryId,
            String libraryStatus,
            int members,
            List<Model> models,
            Double meanHeldOutR) {}

    /**
     * The campaign's test library.
     *
     * @param libraryId its library
     * @param libraryStatus {@code requested}, {@code designed} or {@code failed}
     * @param members members designed
     * @param perSubset members (pairs) requested per subset
     * @param subsets its subsets
     * @param challenger the model set against the champion in its challenging subset, or null
     */
    public record TestLibraryView(
            String libraryId,
            String libraryStatus,
            int members,
            int perSubset,
            List<String> subsets,
            String challenger) {}

    /**
     * A model of a cycle.
     *
     * @param version its version
     * @param ensembleIndex its member index
     * @param heldOutR the trainer's held-out Pearson r
     */
    public record Model(String version, int ensembleIndex, Double heldOutR) {}

    static CampaignView of(
            final CampaignEntity c,
            final List<CampaignModelEntity> models,
            final Function<String, Optional<DesignedLibraryEntity>> libraries) {
        final List<Cycle> cycles = new ArrayList<>();
        for (int k = 0; k <= c.currentCycle(); k++) {
            cycles.add(cycle(c, k, models, libraries));
        }
        return new CampaignView(
                c.campaignId(),
                c.goal(),
                c.design().objective(),
                CampaignObjective.MODEL.wireName().equals(c.design().objective())
                        ? null
                        : c.design().kappa(),
                c.strategy(),
                c.cycles(),
                c.budget(),
                c.candidates(),
                c.minHamming(),
                c.seed(),
                c.status().name().toLowerCase(Locale.ROOT),
                c.currentCycle(),
                c.failure(),
                testLibrary(c, libraries),
                cycles,
                c.createdAt(),
                c.updatedAt());
    }

    /** Cycle {@code cycle}: its library and the models trained after it. */
    private static Cycle cycle(
            final CampaignEntity c,
            final int cycle,
            final List<CampaignModelEntity> models,
            final Function<String, Optional<DesignedLibraryEntity>> libraries) {
        final List<CampaignModelEntity> ofCycle =
                models.stream().filter(m -> m.key().cycle() == cycle).toList();
        final List<Model> ms =
                ofCycle.stream()
                        .map(
                                m ->
                                        new Model(
                                                m.modelVersion(),
                                                m.key().ensembleIndex(),
                                                m.heldOutR()))
                        .toList();
        final OptionalDouble mean = CampaignModelEntity.meanHeldOutR(ofCycle);
        final Optional<DesignedLibraryEntity> library = libraries.apply(c.libraryId(cycle));
        return new Cycle(
                cycle,
                c.libraryId(cycle),
                status(library),
                library.map(DesignedLibraryEntity::totalMembers).orElse(0),
                ms,
                mean.isPresent() ? mean.getAsDouble() : null);
    }

    /** Null when the campaign has no test library. */
    private static TestLibraryView testLibrary(
            final CampaignEntity c,
            final Function<String, Optional<DesignedLibraryEntity>> libraries) {
        final CampaignEntity.TestLibrary test = c.testLibrary();
        if (!test.present()) {
            return null;
        }
        final Optional<DesignedLibraryEntity> library = libraries.apply(c.testLibraryId());
        return new TestLibraryView(
                c.testLibraryId(),
                status(library),
                library.map(DesignedLibraryEntity::totalMembers).orElse(0),
                test.perSubset(),
                test.subsets().stream().map(Subset::wireName).toList(),
                test.challenger());
    }

    private static String status(final Optional<DesignedLibraryEntity> library) {
        return library.map(l -> l.status().name().toLowerCase(Locale.ROOT)).orElse("requested");
    }
}
