package io.dreamloop.designer.persistence;

import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Campaigns and their models; call inside a transaction. */
@ApplicationScoped
public class CampaignRepository {
    private final Database database;

    @Inject
    public CampaignRepository(final Database database) {
        this.database = database;
    }

    public Optional<CampaignEntity> find(final String campaignId) {
        return Optional.ofNullable(database.em().find(CampaignEntity.class, campaignId));
    }

    public void add(final CampaignEntity campaign) {
        database.em().persist(campaign);
    }

    /** Every campaign, newest first. */
    public List<CampaignEntity> all() {
        return database.em()
                .createQuery(
                        "select c from CampaignEntity c order by c.createdAt desc",
                        CampaignEntity.class)
                .getResultList();
    }

    /** Adds a model unless that member of that cycle is already recorded; true when added. */
    public boolean addModel(final CampaignModelEntity model) {
        if (database.em().find(CampaignModelEntity.class, model.key()) != null) {
            return false;
        }
        database.em().persist(model);
        return true;
    }

    /** A campaign's models, by cycle and member. */
    public List<CampaignModelEntity> models(final String campaignId) {
        return database.em()
                .createQuery(
                        "select m from CampaignModelEntity m where m.key.campaignId = :id order by m.key.cycle, m.key.ensembleIndex",
                        CampaignModelEntity.class)
                .setParameter("id", campaignId)
                .getResultList();
    }

    /**
     * Adds the measurements whose members are not recorded yet (a redelivered chunk adds nothing);
     * returns how many were added.
     */
    public int addMeasurements(final List<CampaignMeasurementEntity> measurements) {
        int added = 0;
        for (final CampaignMeasurementEntity m : measurements) {
            if (database.em().find(CampaignMeasurementEntity.class, m.key()) == null) {
                database.em().persist(m);
                added++;
            }
        }
        return added;
    }

    /**
     * A campaign's {@code limit} best measured variable regions: highest first when {@code
     * highest}, else lowest first; ties by member id, so the order repeats.
     */
    public List<String> bestMeasured(
            final String campaignId, final boolean highest, final int limit) {
        return database.em()
                .createQuery(
                        "select m.variable from CampaignMeasurementEntity m where m.key.campaignId = :id order by m.measured "
                                + (highest ? "desc" : "asc")
                                + ", m.key.memberId",
                        String.class)
                .setParameter("id", campaignId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** One cycle's models, by member. */
    public List<CampaignModelEntity> models(final String campaignId, final int cycle) {
        return models(campaignId).stream().filter(m -> m.key().cycle() == cycle).toList();
    }
}
