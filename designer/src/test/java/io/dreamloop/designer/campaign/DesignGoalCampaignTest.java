package io.dreamloop.designer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.persistence.CampaignEntity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignGoalCampaignTest {

    private static CampaignEntity campaign(final String objective, final double kappa) {
        return new CampaignEntity(
                "camp-goal",
                "highest expression",
                "uncertainty",
                3,
                40,
                400,
                10,
                5,
                80,
                TestLibrarySpec.NONE.resolved(),
                new CampaignEntity.Design(objective, kappa, "cpu"));
    }

    @Test
    void aMaximizeCampaignDesignsEachCycleOnTheEnsemblesUpperBoundAfterARandomStart() {
        final CampaignEntity c = campaign("maximize", 1.5);
        final DesignRequested first = CampaignService.request(c, 0, List.of());
        assertThat(first.quotas()).containsExactly(new SubsetQuota(Subset.RANDOM, 40));
        assertThat(first.options().ensemble()).isNull();
        final DesignRequested next = CampaignService.request(c, 1, List.of("m0", "m1", "m2"));
        assertThat(next.quotas()).containsExactly(new SubsetQuota(Subset.HIGH, 40));
        assertThat(next.options().ensemble()).containsExactly("m0", "m1", "m2");
        assertThat(next.options().kappa()).isEqualTo(1.5);
        assertThat(next.options().gaPreset()).isEqualTo("cpu");
        assertThat(next.options().acquisition()).isNull();
        assertThat(next.options().model()).isNull();
    }

    @Test
    void aMinimizeCampaignDesignsLowAndAnEnsembleOfOneDesignsOnItsModel() {
        final DesignRequested low =
                CampaignService.request(campaign("minimize", 0), 2, List.of("a", "b"));
        assertThat(low.quotas()).containsExactly(new SubsetQuota(Subset.LOW, 40));
        assertThat(low.options().kappa()).isZero();
        final DesignRequested lone =
                CampaignService.request(campaign("maximize", 1), 1, List.of("only"));
        assertThat(lone.options().model()).isEqualTo("only");
        assertThat(lone.options().ensemble()).isNull();
    }

    @Test
    void aDesignCycleStartsItsGaFromTheBestMeasuredAndOtherCyclesFromRandom() {
        final List<DnaSequence> best =
                List.of(DnaSequence.of("A".repeat(80)), DnaSequence.of("C".repeat(80)));
        final DesignRequested next =
                CampaignService.request(campaign("maximize", 1), 1, List.of("m0", "m1"), best);
        assertThat(next.options().startFrom()).isEqualTo(best);
        final DesignRequested lone =
                CampaignService.request(campaign("minimize", 1), 1, List.of("only"), best);
        assertThat(lone.options().startFrom()).isEqualTo(best);
        assertThat(
                        CampaignService.request(campaign("maximize", 1), 1, List.of("a", "b"))
                                .options()
                                .startFrom())
                .as("nothing measured yet: a random start")
                .isNull();
        assertThat(
                        CampaignService.request(campaign("model", 1), 1, List.of("a", "b"), best)
                                .options()
                                .startFrom())
                .as("a campaign for a better model acquires, it does not design")
                .isNull();
    }

    @Test
    void aModelCampaignAcquiresItsRandomSubsetByItsStrategy() {
        final DesignRequested next =
                CampaignService.request(campaign("model", 1), 1, List.of("m0", "m1"));
        assertThat(next.quotas()).containsExactly(new SubsetQuota(Subset.RANDOM, 40));
        assertThat(next.options().acquisition().strategy()).isEqualTo("uncertainty");
        assertThat(next.options().ensemble()).isNull();
    }

    @Test
    void theObjectiveKappaAndPresetAreCheckedWithDefaults() {
        final CampaignRequest plain =
                new CampaignRequest(null, null, null, null, null, null, null, 1L, null, null)
                        .validated();
        assertThat(plain.objective()).isEqualTo("model");
        assertThat(plain.kappa()).isEqualTo(1.0);
        assertThat(plain.gaPreset()).isEqualTo("test");
        assertThatThrownBy(() -> request("maximise", null, null).validated())
                .hasMessage("unknown objective 'maximise'; known: model, maximize, minimize");
        assertThatThrownBy(() -> request("maximize", -1.0, null).validated())
                .hasMessage("kappa must be >= 0, but was -1.0");
        assertThatThrownBy(() -> request("maximize", null, "huge").validated())
                .hasMessage("gaPreset must be one of [vaishnav, cpu, test], but was 'huge'");
    }

    private static CampaignRequest request(
            final String objective, final Double kappa, final String preset) {
        return new CampaignRequest(
                null, null, null, null, null, null, null, 1L, null, null, objective, kappa, preset);
    }
}
