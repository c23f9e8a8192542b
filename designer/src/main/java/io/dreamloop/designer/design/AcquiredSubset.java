package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.AcquisitionOptions;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.acquisition.Acquired;
import io.dreamloop.designer.acquisition.AcquisitionStrategy;
import io.dreamloop.designer.acquisition.Candidate;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import io.dreamloop.designer.ga.SequenceScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The random subset chosen by active learning: random candidates that meet the library's
 * constraints are drawn, scored by every model of the ensemble in one call per model, and the
 * strategy keeps the quota. Each member carries every ensemble model's prediction and, in its
 * provenance, the strategy, its rank and the reason it was chosen.
 */
final class AcquiredSubset {
    /** Method recorded with every member: {@code acquisition.<strategy>}. */
    static final String METHOD_PREFIX = "acquisition.";

    private final RandomLibraryDesigner candidates;
    private final AcquisitionOptions options;
    private final Function<List<String>, SequenceScorer> scorers;

    AcquiredSubset(
            final RandomLibraryDesigner candidates,
            final AcquisitionOptions options,
            final Function<List<String>, SequenceScorer> scorers) {
        this.candidates = candidates;
        this.options = options;
        this.scorers = scorers;
    }

    List<LibraryMember> design(
            final String libraryId,
            final int count,
            final Set<DnaSequence> used,
            final RandomGenerator random) {
        final int pool = options.candidatesFor(count);
        final List<DnaSequence> drawn =
                candidates.design(libraryId + "-candidate", pool, used, random).stream()
                        .map(LibraryMember::variable)
                        .toList();
        final List<String> ensemble = options.ensemble();
        final double[][] scores = ensemble.isEmpty() ? null : scorers.apply(ensemble).score(drawn);
        final List<Acquired> chosen =
                AcquisitionStrategy.named(options.strategy(), options.minHammingOrDefault())
                        .choose(candidates(drawn, scores, ensemble.size()), count, random);
        if (chosen.size() < count) {
            throw new UnsatisfiableRequestException(
                    "acquisition found only %d of %d candidates at least %d substitutions apart among %d; lower options.acquisition.minHamming or raise candidates"
                            .formatted(chosen.size(), count, options.minHammingOrDefault(), pool));
        }
        final List<LibraryMember> out = new ArrayList<>(chosen.size());
        for (final Acquired a : chosen) {
            out.add(member(libraryId, out.size(), a, scores != null, ensemble, drawn.size()));
        }
        return out;
    }

    /**
     * Each drawn sequence with its predictions, one per ensemble model ({@code scores[model][i]});
     * a single 0 when there is no ensemble, so strategies that ignore predictions still run.
     */
    private static List<Candidate> candidates(
            final List<DnaSequence> drawn, final double[][] scores, final int models) {
        final List<Candidate> scored = new ArrayList<>(drawn.size());
        for (int i = 0; i < drawn.size(); i++) {
            final double[] p;
            if (scores == null) {
                p = new double[] {0};
            } else {
                p = new double[models];
                for (int m = 0; m < p.length; m++) {
                    p[m] = scores[m][i];
                }
            }
            scored.add(new Candidate(drawn.get(i), p));
        }
        return scored;
    }

    /** The {@code n}-th member, with the ensemble's predictions and why it was chosen. */
    private static LibraryMember member(
            final String libraryId,
            final int n,
            final Acquired a,
            final boolean scored,
            final List<String> ensemble,
            final int drawn) {
        final Map<String, Double> predictions = new LinkedHashMap<>();
        if (scored) {
            for (int m = 0; m < ensemble.size(); m++) {
                predictions.put(ensemble.get(m), a.candidate().prediction(m));
            }
        }
        return new LibraryMember(
                "%s-random-%06d".formatted(libraryId, n),
                Subset.RANDOM,
                null,
                a.candidate().sequence(),
                METHOD_PREFIX + a.strategy(),
                predictions,
                Map.of(
                        "acquisition", a.strategy(),
                        "rank", Integer.toString(a.rank()),
                        "score", String.format(Locale.ROOT, "%.6g", a.score()),
                        "reason", a.reason(),
                        "candidates", Integer.toString(drawn),
                        "ensemble", String.join(",", ensemble)));
    }
}
