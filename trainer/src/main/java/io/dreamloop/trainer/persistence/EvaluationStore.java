package io.dreamloop.trainer.persistence;

import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Campaign cycles scored on their test library; call inside a transaction. */
@ApplicationScoped
public class EvaluationStore {
    private final Database database;

    @Inject
    public EvaluationStore(final Database database) {
        this.database = database;
    }

    /** A cycle's evaluation, if it was made. */
    public Optional<CampaignEvaluationEntity> find(final String campaignId, final int cycle) {
        return Optional.ofNullable(
                database.em()
                        .find(
                                CampaignEvaluationEntity.class,
                                new CampaignEvaluationEntity.Key(campaignId, cycle)));
    }

    /** Stores a cycle's evaluation. */
    public void add(final CampaignEvaluationEntity evaluation) {
        database.em().persist(evaluation);
    }

    /** A campaign's evaluations, by cycle. */
    public List<CampaignEvaluationEntity> of(final String campaignId) {
        return database.em()
                .createQuery(
                        "select e from CampaignEvaluationEntity e where e.key.campaignId = :c order by e.key.cycle",
                        CampaignEvaluationEntity.class)
                .setParameter("c", campaignId)
                .getResultList();
    }
}
