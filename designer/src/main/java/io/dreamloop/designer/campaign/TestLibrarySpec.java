package io.dreamloop.designer.campaign;

import io.dreamloop.contracts.event.GaPreset;
import io.dreamloop.contracts.event.Ids;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.design.FastaReader;
import io.dreamloop.designer.persistence.CampaignEntity;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's test library as requested: designed once at the start the way the DREAM challenge
 * built its test set, measured once by the lab, never trained on; every cycle's ensemble is scored
 * on it. Every field is optional.
 *
 * @param perSubset members per subset (pairs for paired subsets); default {@value
 *     #DEFAULT_PER_SUBSET}; 0 for no test library
 * @param subsets subset wire names; default random, high, low, snv, motif-perturbation and
 *     motif-tiling, with challenging when a {@code challenger} is given and native when {@code
 *     nativePromoters} are. Challenging needs the second model and native the promoters.
 * @param gaPreset the GA preset of the high, low and challenging subsets (designed on the
 *     predictor's champion); default {@code test}
 * @param challenger the model version whose disagreement with the champion the challenging subset
 *     seeks, as the DREAM test set set two models against each other
 * @param nativePromoters promoter sequences in FASTA that the native subset's fragments are cut
 *     from, at most {@value #MAX_NATIVE_PROMOTERS} characters (they travel in the design request)
 */
public record TestLibrarySpec(
        Integer perSubset,
        List<String> subsets,
        String gaPreset,
        String challenger,
        String nativePromoters) {
    /** Members (or pairs) per subset by default: fits the CPU and scores each subset on 100. */
    public static final int DEFAULT_PER_SUBSET = 100;

    /** The largest per-subset size. */
    public static final int MAX_PER_SUBSET = 10_000;

    /** The most FASTA text a design request carries, well inside a 1 MiB Kafka message. */
    public static final int MAX_NATIVE_PROMOTERS = 512 * 1024;

    /** The subsets by default, without a challenger or native promoters. */
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

    /** A test library without challenging and native subsets. */
    public TestLibrarySpec(
            final Integer perSubset, final List<String> subsets, final String gaPreset) {
        this(perSubset, subsets, gaPreset, null, null);
    }

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
        GaPreset.named(preset, "testLibrary.gaPreset");
        if (n == 0) {
            return new CampaignEntity.TestLibrary(0, List.of(), preset);
        }
        final List<Subset> chosen =
                subsets == null
                        ? defaultSubsets()
                        : subsets.stream().map(TestLibrarySpec::subset).distinct().toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(
                    "testLibrary.subsets is empty: leave it out for the default, or set perSubset to 0 for no test library");
        }
        final String model = checkedChallenger(chosen.contains(Subset.CHALLENGING));
        final String fasta = checkedPromoters(chosen.contains(Subset.NATIVE));
        return new CampaignEntity.TestLibrary(n, chosen, preset, model, fasta);
    }

    /** The DREAM test set's subsets, in its order, that this request's inputs allow. */
    private List<Subset> defaultSubsets() {
        final List<Subset> out = new ArrayList<>(DEFAULT_SUBSETS);
        if (given(challenger)) {
            out.add(out.indexOf(Subset.LOW) + 1, Subset.CHALLENGING);
        }
        if (given(nativePromoters)) {
            out.add(Subset.NATIVE);
        }
        return List.copyOf(out);
    }

    private String checkedChallenger(final boolean wanted) {
        if (wanted && !given(challenger)) {
            throw new IllegalArgumentException(
                    "testLibrary.subsets has 'challenging', which needs a second model: set testLibrary.challenger to the model version whose disagreement with the champion is sought");
        }
        if (!wanted && given(challenger)) {
            throw new IllegalArgumentException(
                    "testLibrary.challenger is set, but testLibrary.subsets has no 'challenging'");
        }
        if (wanted) {
            Ids.require(challenger, "testLibrary.challenger");
        }
        return wanted ? challenger : null;
    }

    private String checkedPromoters(final boolean wanted) {
        if (wanted && !given(nativePromoters)) {
            throw new IllegalArgumentException(
                    "testLibrary.subsets has 'native', which needs promoter sequences: set testLibrary.nativePromoters to FASTA text");
        }
        if (!wanted && given(nativePromoters)) {
            throw new IllegalArgumentException(
                    "testLibrary.nativePromoters is set, but testLibrary.subsets has no 'native'");
        }
        if (wanted && nativePromoters.length() > MAX_NATIVE_PROMOTERS) {
            throw new IllegalArgumentException(
                    "testLibrary.nativePromoters holds %,d characters, but at most %,d fit in a design request: send fewer or shorter promoters"
                            .formatted(nativePromoters.length(), MAX_NATIVE_PROMOTERS));
        }
        if (wanted) {
            FastaReader.read(new StringReader(nativePromoters), "testLibrary.nativePromoters");
        }
        return wanted ? nativePromoters : null;
    }

    private static boolean given(final String field) {
        return field != null && !field.isBlank();
    }

    private static Subset subset(final String name) {
        try {
            return Subset.fromWireName(name);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("testLibrary.subsets: " + e.getMessage(), e);
        }
    }
}
