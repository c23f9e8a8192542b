package io.dreamloop.designer.campaign;

import io.dreamloop.contracts.event.AcquisitionOptions;
import io.dreamloop.contracts.event.DesignOptions;
import io.dreamloop.contracts.event.GaPreset;
import io.dreamloop.contracts.event.Ids;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.persistence.CampaignEntity;
import java.util.UUID;

/**
 * The body of {@code POST /campaigns}. Only {@code seed} is required.
 *
 * @param campaignId the id, at most {@value #MAX_ID_LENGTH} characters; generated when absent
 * @param goal what the campaign is for, in words
 * @param strategy the acquisition strategy of cycles 1..: {@code uncertainty} (default), {@code
 *     random}, {@code diverse-uncertainty}, {@code mixed}, {@code disagreement}, {@code
 *     exploit-high}, {@code exploit-low}
 * @param cycles acquisition cycles after the first, random, batch; default 3
 * @param budget sequences designed and measured per cycle; default 200
 * @param candidates random candidates scored per acquisition cycle; default ten times the budget
 * @param minHamming the smallest Hamming distance within an acquired batch; default 10
 * @param seed the seed of every random choice
 * @param variableLength variable-region length; default 80
 * @param testLibrary the campaign's test library, on which every cycle is scored; default {@link
 *     TestLibrarySpec#DEFAULT}
 * @param objective {@code model} (default: a better model, batches chosen by {@code strategy}),
 *     {@code maximize} or {@code minimize} (expression: batches designed by the GA on the
 *     ensemble's confidence bound; {@code strategy} is then not used)
 * @param kappa the weight of the ensemble's sd in that bound; default {@value
 *     io.dreamloop.contracts.event.DesignOptions#DEFAULT_KAPPA}
 * @param gaPreset the GA preset of a maximize or minimize campaign's designs; default {@code test}
 */
public record CampaignRequest(
        String campaignId,
        String goal,
        String strategy,
        Integer cycles,
        Integer budget,
        Integer candidates,
        Integer minHamming,
        Long seed,
        Integer variableLength,
        TestLibrarySpec testLibrary,
        String objective,
        Double kappa,
        String gaPreset) {

    /** A request for a better model (no design goal). */
    public CampaignRequest(
            final String campaignId,
            final String goal,
            final String strategy,
            final Integer cycles,
            final Integer budget,
            final Integer candidates,
            final Integer minHamming,
            final Long seed,
            final Integer variableLength,
            final TestLibrarySpec testLibrary) {
        this(
                campaignId,
                goal,
                strategy,
                cycles,
                budget,
                candidates,
                minHamming,
                seed,
                variableLength,
                testLibrary,
                null,
                null,
                null);
    }

    /** Campaign ids leave room for the cycle and model suffixes in library and model ids. */
    public static final int MAX_ID_LENGTH = 64;

    /**
     * The request with its defaults filled in.
     *
     * @throws IllegalArgumentException naming the first missing or invalid field
     */
    public CampaignRequest validated() {
        if (seed == null) {
            throw new IllegalArgumentException(
                    "'seed' is required: every campaign is reproducible");
        }
        final String id = validatedId();
        final String s = validatedStrategy();
        final int c = cycles == null ? 3 : cycles;
        final int b = budget == null ? 200 : budget;
        final int n = candidates == null ? Math.multiplyExact(b, 10) : candidates;
        final int h = minHamming == null ? AcquisitionOptions.DEFAULT_MIN_HAMMING : minHamming;
        final int length = variableLength == null ? 80 : variableLength;
        requireSizes(c, b, n, h, length);
        final TestLibrarySpec test = resolvedTestLibrary();
        final CampaignObjective o =
                objective == null
                        ? CampaignObjective.MODEL
                        : CampaignObjective.fromWireName(objective);
        final double k = kappa == null ? DesignOptions.DEFAULT_KAPPA : kappa;
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("kappa must be >= 0, but was " + k);
        }
        final String preset = gaPreset == null ? "test" : gaPreset;
        GaPreset.named(preset, "gaPreset");
        final String g = goal == null || goal.isBlank() ? "a better model of expression" : goal;
        return new CampaignRequest(
                id, g, s, c, b, n, h, seed, length, test, o.wireName(), k, preset);
    }

    /** The given id, or a random one, checked as an id that fits {@value #MAX_ID_LENGTH}. */
    private String validatedId() {
        final String id =
                campaignId != null
                        ? campaignId
                        : "camp-" + UUID.randomUUID().toString().substring(0, 8);
        Ids.require(id, "campaignId");
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    "campaignId must be at most %d characters, but '%s' has %d"
                            .formatted(MAX_ID_LENGTH, id, id.length()));
        }
        return id;
    }

    private String validatedStrategy() {
        final String s = strategy == null ? "uncertainty" : strategy;
        if (!AcquisitionOptions.STRATEGIES.contains(s)) {
            throw new IllegalArgumentException(
                    "strategy must be one of %s, but was '%s'"
                            .formatted(
                                    AcquisitionOptions.STRATEGIES.stream().sorted().toList(), s));
        }
        return s;
    }

    /** Cycles, budget, candidates and minHamming after their defaults. */
    private static void requireSizes(
            final int cycles,
            final int budget,
            final int candidates,
            final int minHamming,
            final int length) {
        if (cycles < 1 || cycles > 100) {
            throw new IllegalArgumentException("cycles must be in [1, 100], but was " + cycles);
        }
        if (budget < 20) {
            throw new IllegalArgumentException(
                    "budget must be at least 20 sequences per cycle (the trainer holds out a tenth), but was "
                            + budget);
        }
        if (candidates < budget) {
            throw new IllegalArgumentException(
                    "candidates (%d) must be at least the budget (%d)"
                            .formatted(candidates, budget));
        }
        if (minHamming < 0 || minHamming > length) {
            throw new IllegalArgumentException(
                    "minHamming must be in [0, %d], but was %d".formatted(length, minHamming));
        }
    }

    /** The test library with its defaults written out, so the stored request is explicit. */
    private TestLibrarySpec resolvedTestLibrary() {
        final TestLibrarySpec test = testLibrary == null ? TestLibrarySpec.DEFAULT : testLibrary;
        final CampaignEntity.TestLibrary resolved = test.resolved();
        return new TestLibrarySpec(
                resolved.perSubset(),
                resolved.subsets().stream().map(Subset::wireName).toList(),
                resolved.gaPreset(),
                resolved.challenger(),
                resolved.nativePromoters());
    }
}
