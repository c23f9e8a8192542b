package io.dreamloop.trainer.service;

import io.dreamloop.trainer.persistence.TrainingRunEntity;
import java.util.Objects;
import java.util.Optional;

/**
 * One member of a campaign cycle's ensemble.
 *
 * @param campaignId the campaign
 * @param cycle the cycle whose measurements complete the training data
 * @param index the member, 0-based (its seed offset)
 * @param size the ensemble's size
 */
public record CampaignMember(String campaignId, int cycle, int index, int size) {
    public CampaignMember {
        Objects.requireNonNull(campaignId, "campaignId");
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(
                    "member %d is not in an ensemble of %d".formatted(index, size));
        }
    }

    /** The member a stored run trains, or empty for a run outside campaigns. */
    static Optional<CampaignMember> of(final TrainingRunEntity run) {
        return run.campaignId() == null
                ? Optional.empty()
                : Optional.of(
                        new CampaignMember(
                                run.campaignId(),
                                run.cycle(),
                                run.ensembleIndex(),
                                run.ensembleSize()));
    }
}
