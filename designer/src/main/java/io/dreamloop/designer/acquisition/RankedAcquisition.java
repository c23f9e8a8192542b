package io.dreamloop.designer.acquisition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Ranks the candidates by a criterion, best first, and takes a diverse batch from the top.
 *
 * @param criterion what makes a candidate worth measuring
 * @param diversity how far apart the chosen sequences must be
 */
public record RankedAcquisition(Criterion criterion, DiversityFilter diversity)
        implements AcquisitionStrategy {

    /** What a ranked strategy maximizes. */
    public enum Criterion {
        /** The ensemble's standard deviation: where the models are least sure. */
        UNCERTAINTY("uncertainty", "ensemble sd", 2),
        /** |model 1 − model 2|: where two models disagree most (the challenging design). */
        DISAGREEMENT("disagreement", "|model 1 - model 2|", 2),
        /** The mean prediction: the highest expression. */
        EXPLOIT_HIGH("exploit-high", "mean prediction", 1),
        /** Minus the mean prediction: the lowest expression. */
        EXPLOIT_LOW("exploit-low", "mean prediction", 1);

        private final String strategyName;
        private final String measure;
        private final int modelsNeeded;

        Criterion(final String strategyName, final String measure, final int modelsNeeded) {
            this.strategyName = strategyName;
            this.measure = measure;
            this.modelsNeeded = modelsNeeded;
        }

        /** The value ranked on, higher is better. */
        double rankValue(final Candidate c) {
            return switch (this) {
                case UNCERTAINTY -> c.sd();
                case DISAGREEMENT -> Math.abs(c.prediction(0) - c.prediction(1));
                case EXPLOIT_HIGH -> c.mean();
                case EXPLOIT_LOW -> -c.mean();
            };
        }

        /** Checks that every candidate carries the predictions the criterion needs. */
        void requireModels(final List<Candidate> candidates) {
            for (final Candidate c : candidates) {
                if (c.models() < modelsNeeded) {
                    throw new IllegalArgumentException(
                            "%s needs predictions of at least %d models, but candidate %s has %d"
                                    .formatted(
                                            strategyName, modelsNeeded, c.sequence(), c.models()));
                }
            }
        }

        /** The value reported in the reason (the mean, not its negation, for exploit-low). */
        double reported(final Candidate c) {
            return this == EXPLOIT_LOW ? c.mean() : rankValue(c);
        }
    }

    /** Checks the parts. */
    public RankedAcquisition {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(diversity, "diversity");
    }

    @Override
    public String name() {
        return criterion.strategyName;
    }

    @Override
    public List<Acquired> choose(
            final List<Candidate> candidates, final int budget, final RandomGenerator random) {
        AcquisitionStrategy.requireBudget(budget);
        criterion.requireModels(candidates);
        // A stable sort: equal values keep the candidates' order, so a batch is repeatable.
        final List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble(criterion::rankValue).reversed());
        final List<Integer> chosen = diversity.select(ranked, budget);
        final List<Acquired> out = new ArrayList<>(chosen.size());
        for (final int i : chosen) {
            final Candidate c = ranked.get(i);
            out.add(
                    new Acquired(
                            c,
                            name(),
                            out.size() + 1,
                            criterion.reported(c),
                            String.format(
                                    Locale.ROOT,
                                    "%s %.3f (rank %d of %d candidates%s)",
                                    criterion.measure,
                                    criterion.reported(c),
                                    i + 1,
                                    ranked.size(),
                                    diversity.minHamming() > 1
                                            ? ", >= %d substitutions from the rest of the batch"
                                                    .formatted(diversity.minHamming())
                                            : "")));
        }
        return out;
    }
}
