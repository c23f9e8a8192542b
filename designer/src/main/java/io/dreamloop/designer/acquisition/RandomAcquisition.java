package io.dreamloop.designer.acquisition;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** The baseline: a uniform draw without replacement (a partial Fisher-Yates shuffle). */
public record RandomAcquisition() implements AcquisitionStrategy {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public List<Acquired> choose(
            final List<Candidate> candidates, final int budget, final RandomGenerator random) {
        AcquisitionStrategy.requireBudget(budget);
        final int n = candidates.size();
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final int take = Math.min(budget, n);
        final List<Acquired> out = new ArrayList<>(take);
        for (int i = 0; i < take; i++) {
            final int j = i + random.nextInt(n - i);
            final int chosen = order[j];
            order[j] = order[i];
            order[i] = chosen;
            out.add(
                    new Acquired(
                            candidates.get(chosen),
                            name(),
                            i + 1,
                            Double.NaN,
                            "random draw %d of %d from %d candidates".formatted(i + 1, take, n)));
        }
        return out;
    }
}
