package io.dreamloop.designer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.design.LibraryDesigner;
import io.dreamloop.designer.persistence.CampaignEntity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestLibrarySpecTest {
    private static final String FASTA =
            ">YDL047W.5\n"
                    + "AAAAAAAAAAAGAAAAAGAAAGAAAAAGGGGGAATAACACAGCCGCGGGTAACATGAAGCGGCGCGAGCGATACTTCCGT\n";

    private static final CampaignEntity.Design MODEL =
            new CampaignEntity.Design("model", 1.0, "test");

    @Test
    void withoutAChallengerOrPromotersTheDefaultIsTheDreamTestSetLessChallengingAndNative() {
        final CampaignEntity.TestLibrary test = TestLibrarySpec.DEFAULT.resolved();
        assertThat(test.present()).isTrue();
        assertThat(test.perSubset()).isEqualTo(100);
        assertThat(test.subsets())
                .containsExactly(
                        Subset.RANDOM,
                        Subset.HIGH,
                        Subset.LOW,
                        Subset.SNV,
                        Subset.MOTIF_PERTURBATION,
                        Subset.MOTIF_TILING);
        assertThat(test.gaPreset()).isEqualTo("test");
        assertThat(TestLibrarySpec.NONE.resolved().present()).isFalse();
        assertThat(TestLibrarySpec.NONE.resolved().subsets()).isEmpty();
    }

    @Test
    void aChallengerAndPromotersCompleteTheDreamTestSetInItsOrder() {
        final CampaignEntity.TestLibrary test =
                new TestLibrarySpec(null, null, null, "dream-cnn-demo", FASTA).resolved();
        assertThat(test.subsets())
                .containsExactly(
                        Subset.RANDOM,
                        Subset.HIGH,
                        Subset.LOW,
                        Subset.CHALLENGING,
                        Subset.SNV,
                        Subset.MOTIF_PERTURBATION,
                        Subset.MOTIF_TILING,
                        Subset.NATIVE);
        assertThat(test.challenger()).isEqualTo("dream-cnn-demo");
        assertThat(test.nativePromoters()).isEqualTo(FASTA);
        final CampaignEntity campaign =
                new CampaignEntity(
                        "camp-all", "goal", "random", 1, 50, 500, 10, 9, 80, test, MODEL);
        assertThat(campaign.testLibrary()).isEqualTo(test);
        final DesignRequested request = CampaignService.testLibraryRequest(campaign).orElseThrow();
        assertThat(request.options().challenger()).isEqualTo("dream-cnn-demo");
        assertThat(request.options().model()).isNull();
        assertThat(request.options().nativePromoters()).isEqualTo(FASTA);
        // What the designer checks before a campaign is stored passes.
        LibraryDesigner.checkOptions(request);
    }

    @Test
    void aResolvedSpecResolvesToItself() {
        final CampaignRequest once =
                new CampaignRequest(
                                "camp-x",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                7L,
                                null,
                                new TestLibrarySpec(5, List.of("snv", "random", "snv"), null))
                        .validated();
        assertThat(once.validated()).isEqualTo(once);
        assertThat(once.testLibrary().subsets()).containsExactly("snv", "random");
        final CampaignRequest none =
                new CampaignRequest(
                                "camp-y",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                7L,
                                null,
                                TestLibrarySpec.NONE)
                        .validated();
        assertThat(none.validated()).isEqualTo(none);
    }

    @Test
    void badTestLibrariesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new TestLibrarySpec(-1, null, null).resolved())
                .hasMessage("testLibrary.perSubset must be in [0, 10000], but was -1");
        assertThatThrownBy(() -> new TestLibrarySpec(null, List.of(), null).resolved())
                .hasMessageStartingWith("testLibrary.subsets is empty");
        assertThatThrownBy(() -> new TestLibrarySpec(null, List.of("native"), null).resolved())
                .hasMessage(
                        "testLibrary.subsets has 'native', which needs promoter sequences: set testLibrary.nativePromoters to FASTA text");
        assertThatThrownBy(() -> new TestLibrarySpec(null, List.of("challenging"), null).resolved())
                .hasMessageStartingWith(
                        "testLibrary.subsets has 'challenging', which needs a second model: set testLibrary.challenger");
        assertThatThrownBy(
                        () ->
                                new TestLibrarySpec(null, List.of("random"), null, "m-1", null)
                                        .resolved())
                .hasMessage(
                        "testLibrary.challenger is set, but testLibrary.subsets has no 'challenging'");
        assertThatThrownBy(
                        () ->
                                new TestLibrarySpec(null, List.of("random"), null, null, FASTA)
                                        .resolved())
                .hasMessage(
                        "testLibrary.nativePromoters is set, but testLibrary.subsets has no 'native'");
        final String huge = ">p\n" + "A".repeat(TestLibrarySpec.MAX_NATIVE_PROMOTERS);
        assertThatThrownBy(() -> new TestLibrarySpec(null, null, null, null, huge).resolved())
                .hasMessageStartingWith("testLibrary.nativePromoters holds 524,291 characters");
        assertThatThrownBy(() -> new TestLibrarySpec(null, List.of("hihg"), null).resolved())
                .hasMessageStartingWith("testLibrary.subsets: ")
                .hasMessageContaining("hihg");
        assertThatThrownBy(() -> new TestLibrarySpec(null, null, "fast").resolved())
                .hasMessage(
                        "testLibrary.gaPreset must be one of [vaishnav, cpu, test], but was 'fast'");
    }

    @Test
    void theTestLibraryRequestBelongsToTheCampaignAndNoCycleWithItsOwnSeed() {
        final CampaignEntity campaign =
                new CampaignEntity(
                        "camp-z",
                        "goal",
                        "random",
                        2,
                        50,
                        500,
                        10,
                        9,
                        80,
                        new TestLibrarySpec(7, List.of("random", "snv", "high"), "test").resolved(),
                        MODEL);
        final DesignRequested test = CampaignService.testLibraryRequest(campaign).orElseThrow();
        assertThat(test.libraryId()).isEqualTo("camp-z-test");
        assertThat(test.header().lineage().ofTestLibrary()).isTrue();
        assertThat(test.header().lineage().campaignId()).isEqualTo("camp-z");
        assertThat(test.quotas())
                .containsExactly(
                        new SubsetQuota(Subset.RANDOM, 7),
                        new SubsetQuota(Subset.SNV, 7),
                        new SubsetQuota(Subset.HIGH, 7));
        assertThat(test.totalSequences()).isEqualTo(7 + 14 + 7);
        assertThat(test.options().gaPreset()).isEqualTo("test");
        // Its seed is none of the cycles'.
        for (int cycle = 0; cycle <= campaign.cycles(); cycle++) {
            assertThat(CampaignService.request(campaign, cycle, List.of()).seed())
                    .isNotEqualTo(test.seed());
        }
        // The same campaign asks for the same test library, with the same event id.
        assertThat(CampaignService.testLibraryRequest(campaign).orElseThrow().header().eventId())
                .isEqualTo(test.header().eventId());
        final CampaignEntity without =
                new CampaignEntity(
                        "camp-n",
                        "goal",
                        "random",
                        2,
                        50,
                        500,
                        10,
                        9,
                        80,
                        TestLibrarySpec.NONE.resolved(),
                        MODEL);
        assertThat(CampaignService.testLibraryRequest(without)).isEmpty();
    }
}
