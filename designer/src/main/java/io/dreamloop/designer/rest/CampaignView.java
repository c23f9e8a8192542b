package io.dreamloop.designer.rest;

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
 * A campaign as {@code GET /campaigns/{id}} shows it: its settings, where it is, and per cycle the
 * library and the models trained after it with their held-out r.
 */
public record CampaignView(
        String campaignId,
        String goal,
        String strategy,
        int cycles,
        int budget,
        int candidates,
        int minHamming,
        long seed,
        String status,
        int currentCycle,
        String failure,
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
            final int cycle = k;
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
            cycles.add(
                    new Cycle(
                            cycle,
                            c.libraryId(cycle),
                            library.map(l -> l.status().name().toLowerCase(Locale.ROOT))
                                    .orElse("requested"),
                            library.map(DesignedLibraryEntity::totalMembers).orElse(0),
                            ms,
                            mean.isPresent() ? mean.getAsDouble() : null));
        }
        return new CampaignView(
                c.campaignId(),
                c.goal(),
                c.strategy(),
                c.cycles(),
                c.budget(),
                c.candidates(),
                c.minHamming(),
                c.seed(),
                c.status().name().toLowerCase(Locale.ROOT),
                c.currentCycle(),
                c.failure(),
                cycles,
                c.createdAt(),
                c.updatedAt());
    }
}
