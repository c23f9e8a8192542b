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

    /** One cycle's models, by member. */
    public List<CampaignModelEntity> models(final String campaignId, final int cycle) {
        return models(campaignId).stream().filter(m -> m.key().cycle() == cycle).toList();
    }
}
