package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingScopeTest {
    private static final Instant QUEUED = Instant.parse("2026-05-01T12:00:00Z");
    private static final Instant BEFORE = QUEUED.minusSeconds(60);
    private static final long SEED = 42;
    private static final TrainingScope RUN =
            new TrainingScope("bin-index", "bin-weighted-mean", null, QUEUED, SEED, 0.1);

    @Test
    void aRunReadsEarlierMeasurementsOnItsScaleAndMethodOnly() {
        final String s = randomSequence(new SplittableRandom(1));
        assertThat(RUN.role(measured(s, null, "bin-index", "bin-weighted-mean", null, BEFORE)))
                .isPresent();
        assertThat(RUN.role(measured(s, null, "maude-mean", "maude", null, BEFORE))).isEmpty();
        assertThat(RUN.role(measured(s, null, "bin-index", "maude", null, BEFORE))).isEmpty();
        // Recorded once the run was queued: not claimed.
        assertThat(RUN.role(measured(s, null, "bin-index", "bin-weighted-mean", null, QUEUED)))
                .isEmpty();
        // A run outside campaigns reads the campaigns' measurements too.
        assertThat(RUN.role(measured(s, null, "bin-index", "bin-weighted-mean", "camp", BEFORE)))
                .isPresent();
    }

    @Test
    void aCampaignRunReadsItsCampaignsMeasurementsOnly() {
        final TrainingScope campaign =
                new TrainingScope("bin-index", "bin-weighted-mean", "camp", QUEUED, SEED, 0.1);
        final String s = randomSequence(new SplittableRandom(2));
        assertThat(
                        campaign.role(
                                measured(
                                        s, null, "bin-index", "bin-weighted-mean", "camp", BEFORE)))
                .isPresent();
        assertThat(
                        campaign.role(
                                measured(
                                        s,
                                        null,
                                        "bin-index",
                                        "bin-weighted-mean",
                                        "other",
                                        BEFORE)))
                .isEmpty();
        assertThat(campaign.role(measured(s, null, "bin-index", "bin-weighted-mean", null, BEFORE)))
                .isEmpty();
    }

    @Test
    void aCampaignsTestLibraryIsNeverTrainingDataAndIsItsOwnCampaignsTestLibrary() {
        final TrainingScope campaign =
                new TrainingScope("bin-index", "bin-weighted-mean", "camp", QUEUED, SEED, 0.1);
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            final String s = randomSequence(random);
            assertThat(campaign.role(testLibrary(s, "camp", "bin-index", BEFORE)))
                    .contains(TrainingScope.TEST_LIBRARY);
            // Recorded after the run was queued too: its cycle's ensemble is scored on it.
            assertThat(campaign.role(testLibrary(s, "camp", "bin-index", QUEUED.plusSeconds(60))))
                    .contains(TrainingScope.TEST_LIBRARY);
            assertThat(campaign.role(testLibrary(s, "camp", "maude-mean", BEFORE))).isEmpty();
            assertThat(campaign.role(testLibrary(s, "other", "bin-index", BEFORE))).isEmpty();
            assertThat(RUN.role(testLibrary(s, "camp", "bin-index", BEFORE))).isEmpty();
        }
    }

    private static TrainingScope.Measured testLibrary(
            final String sequence, final String campaignId, final String scale, final Instant at) {
        final String method = "bin-index".equals(scale) ? "bin-weighted-mean" : "maude";
        return new TrainingScope.Measured(sequence, null, scale, method, campaignId, true, at);
    }

    @Test
    void aboutATenthIsHeldOutAndPairMembersShareTheirSide() {
        final SplittableRandom random = new SplittableRandom(3);
        int heldOut = 0;
        for (int i = 0; i < 2000; i++) {
            final String role =
                    RUN.role(
                                    measured(
                                            randomSequence(random),
                                            null,
                                            "bin-index",
                                            "bin-weighted-mean",
                                            null,
                                            BEFORE))
                            .orElseThrow();
            heldOut += TrainingScope.HELD_OUT.equals(role) ? 1 : 0;
        }
        assertThat(heldOut).isBetween(140, 260);
        for (int i = 0; i < 50; i++) {
            final String pair = "run-1/pair-" + i;
            assertThat(
                            RUN.role(
                                    measured(
                                            randomSequence(random),
                                            pair,
                                            "bin-index",
                                            "bin-weighted-mean",
                                            null,
                                            BEFORE)))
                    .isEqualTo(
                            RUN.role(
                                    measured(
                                            randomSequence(random),
                                            pair,
                                            "bin-index",
                                            "bin-weighted-mean",
                                            null,
                                            BEFORE)));
        }
    }

    @Test
    void theRoleFollowsTheRunsSeed() {
        final SplittableRandom random = new SplittableRandom(4);
        final TrainingScope other =
                new TrainingScope("bin-index", "bin-weighted-mean", null, QUEUED, SEED + 1, 0.1);
        int differ = 0;
        for (int i = 0; i < 500; i++) {
            final TrainingScope.Measured m =
                    measured(
                            randomSequence(random),
                            null,
                            "bin-index",
                            "bin-weighted-mean",
                            null,
                            BEFORE);
            differ += RUN.role(m).equals(other.role(m)) ? 0 : 1;
        }
        assertThat(differ).isPositive();
    }

    private static TrainingScope.Measured measured(
            final String sequence,
            final String pairKey,
            final String scale,
            final String method,
            final String campaignId,
            final Instant recordedAt) {
        return new TrainingScope.Measured(
                sequence, pairKey, scale, method, campaignId, false, recordedAt);
    }

    private static String randomSequence(final SplittableRandom random) {
        final StringBuilder out = new StringBuilder(80);
        for (int i = 0; i < 80; i++) {
            out.append("ACGT".charAt(random.nextInt(4)));
        }
        return out.toString();
    }
}
