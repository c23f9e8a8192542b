package io.dreamloop.designer.acquisition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A share of the batch drawn at random, the rest chosen by another strategy: the random share keeps
 * the training set representative of the whole space, which a purely uncertainty-driven batch
 * drifts away from (sampling bias, the classic failure of pool-based active learning).
 *
 * @param name the strategy's name
 * @param informed the strategy that chooses the non-random part
 * @param randomShare the fraction drawn at random, in (0, 1)
 */
public record MixedAcquisition(String name, AcquisitionStrategy informed, double randomShare)
        implements AcquisitionStrategy {

    /**
     * @throws IllegalArgumentException when the share is not strictly between 0 and 1
     */
    public MixedAcquisition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(informed, "informed");
        if (!(randomShare > 0 && randomShare < 1)) {
            throw new IllegalArgumentException(
                    "randomShare must be in (0, 1), but was " + randomShare);
        }
    }

    @Override
    public List<Acquired> choose(
            final List<Candidate> candidates, final int budget, final RandomGenerator random) {
        AcquisitionStrategy.requireBudget(budget);
        final int randomPart = (int) Math.round(budget * randomShare);
        final List<Acquired> out = new ArrayList<>(budget);
        final Set<Candidate> taken = new HashSet<>();
        if (budget - randomPart > 0) {
            for (final Acquired a : informed.choose(candidates, budget - randomPart, random)) {
                taken.add(a.candidate());
                out.add(relabel(a, out.size() + 1, a.reason()));
            }
        }
        final List<Candidate> rest = candidates.stream().filter(c -> !taken.contains(c)).toList();
        final int draws = Math.min(budget - out.size(), rest.size());
        if (draws > 0) {
            for (final Acquired a : new RandomAcquisition().choose(rest, draws, random)) {
                out.add(relabel(a, out.size() + 1, "random share: " + a.reason()));
            }
        }
        return out;
    }

    private Acquired relabel(final Acquired a, final int rank, final String reason) {
        return new Acquired(a.candidate(), name, rank, a.score(), reason);
    }
}
