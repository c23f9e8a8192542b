package io.dreamloop.designer.campaign;

import io.dreamloop.contracts.event.DesignOptions;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.persistence.CampaignEntity;
import java.util.List;

/**
 * A campaign's test library as requested: designed once at the start the way the DREAM challenge
 * built its test set, measured once by the lab, never trained on; every cycle's ensemble is scored
 * on it. Every field is optional.
 *
 * @param perSubset members per subset (pairs for paired subsets); default {@value
 *     #DEFAULT_PER_SUBSET}; 0 for no test library
 * @param subsets subset wire names; default random, high, low, snv, motif-perturbation,
 *     motif-tiling. {@code challenging} needs two models and {@code native} promoter sequences,
 *     which a campaign does not have at its start, so they are refused.
 * @param gaPreset the GA preset of the high and low subsets (designed on the predictor's champion);
 *     default {@code test}
 */
public record TestLibrarySpec(Integer perSubset, List<String> subsets, String gaPreset) {
    /** Members (or pairs) per subset by default: fits the CPU and scores each subset on 100. */
    public static final int DEFAULT_PER_SUBSET = 100;

    /** The largest per-subset size. */
    public static final int MAX_PER_SUBSET = 10_000;

    /** The subsets by default: the DREAM test set's, less challenging and native. */
    public static final List<Subset> DEFAULT_SUBSETS =
            List.of(
                    Subset.RANDOM,
                    Subset.HIGH,
                    Subset.LOW,
                    Subset.SNV,
                    Subset.MOTIF_PERTURBATION,
                    Subset.MOTIF_TILING);

    /** The default test library. */
    public static final TestLibrarySpec DEFAULT = new TestLibrarySpec(null, null, null);

    /** No test library. */
    public static final TestLibrarySpec NONE = new TestLibrarySpec(0, null, null);

    /**
     * A checked test library with its defaults filled in.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public CampaignEntity.TestLibrary resolved() {
        final int n = perSubset == null ? DEFAULT_PER_SUBSET : perSubset;
        if (n < 0 || n > MAX_PER_SUBSET) {
            throw new IllegalArgumentException(
                    "testLibrary.perSubset must be in [0, %d], but was %d"
                            .formatted(MAX_PER_SUBSET, n));
        }
        final String preset = gaPreset == null ? "test" : gaPreset;
        if (!DesignOptions.GA_PRESETS.contains(preset)) {
            throw new IllegalArgumentException(
                    "testLibrary.gaPreset must be one of %s, but was '%s'"
                            .formatted(DesignOptions.GA_PRESETS, preset));
        }
        if (n == 0) {
            return new CampaignEntity.TestLibrary(0, List.of(), preset);
        }
        final List<Subset> chosen =
                subsets == null
                        ? DEFAULT_SUBSETS
                        : subsets.stream().map(TestLibrarySpec::subset).distinct().toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(
                    "testLibrary.subsets is empty: leave it out for the default, or set perSubset to 0 for no test library");
        }
        return new CampaignEntity.TestLibrary(n, chosen, preset);
    }

    private static Subset subset(final String name) {
        final Subset s;
        try {
            s = Subset.fromWireName(name);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("testLibrary.subsets: " + e.getMessage(), e);
        }
        if (s == Subset.CHALLENGING || s == Subset.NATIVE) {
            throw new IllegalArgumentException(
                    "testLibrary.subsets: '%s' is not available in a campaign's test library (%s)"
                            .formatted(
                                    name,
                                    s == Subset.CHALLENGING
                                            ? "it needs two models, and a campaign starts with one"
                                            : "it needs native promoter sequences"));
        }
        return s;
    }
}
