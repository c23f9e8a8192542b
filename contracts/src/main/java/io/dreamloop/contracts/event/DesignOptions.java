package io.dreamloop.contracts.event;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.List;
import java.util.Set;

/**
 * How the model-guided and motif subsets of a library are made.
 *
 * @param model the model version the high/low GA optimizes, and model A of the challenging design;
 *     absent means the predictor's champion
 * @param challenger model B of the challenging design (disagreement with {@code model}); required
 *     when the library has a challenging subset
 * @param gaPreset {@code vaishnav} (population 100,000, 10 generations, as published), {@code cpu}
 *     (2,000) or {@code test} (200, 3 generations); absent means {@code cpu}
 * @param population overrides the preset's population size when present
 * @param generations overrides the preset's generations when present
 * @param nativePromoters promoter sequences in FASTA, for the native subset
 * @param acquisition when present, the random subset is chosen from scored random candidates by an
 *     active-learning strategy instead of taken as drawn
 * @param ensemble when present (at least two distinct model versions), the high and low subsets are
 *     designed on the ensemble's confidence bound instead of one model's prediction: high maximises
 *     mean + kappa sd across the models, low minimises mean - kappa sd (Bayesian optimisation's
 *     upper and lower confidence bounds); excludes {@code model}
 * @param kappa the weight of the ensemble's sd in that bound, >= 0; absent means {@value
 *     #DEFAULT_KAPPA}; only with {@code ensemble}
 * @param startFrom variable regions (of the request's length, definite) the high and low GA starts
 *     from: half of each run's first population is these and their mutants, the rest random oligos;
 *     a design-goal campaign passes its best measured sequences so each cycle builds on what it
 *     measured. Absent means a random start, as the reference GAs have
 */
public record DesignOptions(
        @OptionalField String model,
        @OptionalField String challenger,
        @OptionalField String gaPreset,
        @OptionalField Integer population,
        @OptionalField Integer generations,
        @OptionalField String nativePromoters,
        @OptionalField AcquisitionOptions acquisition,
        @OptionalField List<String> ensemble,
        @OptionalField Double kappa,
        @OptionalField List<DnaSequence> startFrom) {

    /** The weight of the ensemble's sd when a request names none. */
    public static final double DEFAULT_KAPPA = 1.0;

    /** Champion model, CPU preset, no native promoters. */
    public static final DesignOptions DEFAULT =
            new DesignOptions(null, null, null, null, null, null, null, null, null, null);

    /** Options without acquisition. */
    public DesignOptions(
            final String model,
            final String challenger,
            final String gaPreset,
            final Integer population,
            final Integer generations,
            final String nativePromoters) {
        this(
                model,
                challenger,
                gaPreset,
                population,
                generations,
                nativePromoters,
                null,
                null,
                null,
                null);
    }

    /** These options with an acquisition. */
    public DesignOptions withAcquisition(final AcquisitionOptions value) {
        return new DesignOptions(
                model,
                challenger,
                gaPreset,
                population,
                generations,
                nativePromoters,
                value,
                ensemble,
                kappa,
                startFrom);
    }

    /** These options with high and low designed on an ensemble's confidence bound. */
    public DesignOptions withEnsemble(final List<String> models, final Double weight) {
        return new DesignOptions(
                model,
                challenger,
                gaPreset,
                population,
                generations,
                nativePromoters,
                acquisition,
                models,
                weight,
                startFrom);
    }

    /** These options with the high and low GA started from known variable regions. */
    public DesignOptions withStartFrom(final List<DnaSequence> parents) {
        return new DesignOptions(
                model,
                challenger,
                gaPreset,
                population,
                generations,
                nativePromoters,
                acquisition,
                ensemble,
                kappa,
                parents.isEmpty() ? null : parents);
    }

    /** The GA preset in force: {@code gaPreset}, or {@link GaPreset#DEFAULT} when absent. */
    public GaPreset preset() {
        return gaPreset == null ? GaPreset.DEFAULT : GaPreset.fromWireName(gaPreset);
    }

    /** The ensemble's sd weight in force: {@code kappa}, or {@link #DEFAULT_KAPPA}. */
    public double kappaOrDefault() {
        return kappa == null ? DEFAULT_KAPPA : kappa;
    }

    public DesignOptions {
        if (model != null) {
            Ids.require(model, "model");
        }
        if (challenger != null) {
            Ids.require(challenger, "challenger");
        }
        if (gaPreset != null) {
            GaPreset.named(gaPreset, "gaPreset");
        }
        if (population != null && population < 2) {
            throw new IllegalArgumentException("population must be >= 2, but was " + population);
        }
        if (generations != null && generations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, but was " + generations);
        }
        if (ensemble != null) {
            ensemble = List.copyOf(ensemble);
            ensemble.forEach(m -> Ids.require(m, "ensemble"));
            if (ensemble.size() < 2 || Set.copyOf(ensemble).size() != ensemble.size()) {
                throw new IllegalArgumentException(
                        "ensemble must name at least two distinct models, but was " + ensemble);
            }
            if (model != null) {
                throw new IllegalArgumentException(
                        "model and ensemble exclude each other: the high and low subsets are designed on one or the other");
            }
        }
        if (startFrom != null) {
            startFrom = Lists.nonEmptyCopy(startFrom, "startFrom");
            startFrom.forEach(DnaSequence::requireDefinite);
        }
        if (kappa != null) {
            if (ensemble == null) {
                throw new IllegalArgumentException(
                        "kappa weighs an ensemble's sd: set ensemble too");
            }
            if (!(kappa >= 0) || Double.isInfinite(kappa)) {
                throw new IllegalArgumentException("kappa must be >= 0, but was " + kappa);
            }
        }
    }
}
