package io.dreamloop.designer.ga;

import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks a design's outputs greedily, best candidate first: each must meet the constraints, be new
 * (not already picked, not in another subset) and be at least the minimum Hamming distance from
 * every sequence picked so far. Counts why candidates were turned down, for the error message.
 *
 * <p>The distance is checked among the picked sequences, not against {@code avoid}, as {@code
 * designer.design.RandomLibraryDesigner} does.
 */
final class OutputPicker {
    private final ConstraintCheck check;
    private final int minHamming;
    private final Set<DnaSequence> taken;
    private final List<DnaSequence> chosen = new ArrayList<>();
    private final List<Pick> picks = new ArrayList<>();
    private long infeasible;
    private long duplicates;
    private long tooClose;

    OutputPicker(final DesignSpace space, final Set<DnaSequence> avoid) {
        this.check = space.check();
        this.minHamming = space.constraints().minHammingDistance();
        this.taken = new HashSet<>(avoid);
    }

    /** Where a picked sequence came from. */
    private record Pick(String method, Subset subset, int run, long generation) {}

    /**
     * Takes {@code candidate}, found by {@code method} in a run and generation, if it qualifies.
     */
    void offer(
            final DnaSequence candidate,
            final String method,
            final Subset subset,
            final int run,
            final long generation) {
        if (check.violation(candidate).isPresent()) {
            infeasible++;
        } else if (taken.contains(candidate)) {
            duplicates++;
        } else if (closeToChosen(candidate)) {
            tooClose++;
        } else {
            taken.add(candidate);
            chosen.add(candidate);
            picks.add(new Pick(method, subset, run, generation));
        }
    }

    int size() {
        return chosen.size();
    }

    /**
     * The picked sequences, in picking order, with every model's prediction from one more scorer
     * call (the GA's fitness holds only the objective).
     */
    List<DesignedSequence> designs(
            final SequenceProblem<?> problem,
            final List<String> models,
            final DesignProvenance provenance) {
        final double[][] predictions = problem.predict(chosen);
        final List<DesignedSequence> designs = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            final Map<String, Double> byModel = new HashMap<>();
            for (int m = 0; m < models.size(); m++) {
                byModel.put(models.get(m), predictions[m][i]);
            }
            final Pick pick = picks.get(i);
            designs.add(
                    new DesignedSequence(
                            chosen.get(i),
                            pick.subset(),
                            pick.method(),
                            byModel,
                            pick.run(),
                            pick.generation(),
                            provenance));
        }
        return designs;
    }

    /** The error for a design that found only {@code found} of {@code wanted} sequences. */
    UnsatisfiableRequestException shortfall(
            final String method,
            final int found,
            final int wanted,
            final int runs,
            final GaSettings settings) {
        return new UnsatisfiableRequestException(
                "%s found only %d of %d sequences after %d run(s) of %d generations with population %,d (distinct candidates rejected: %,d by GC/homopolymer/sites, %,d already taken, %,d closer than Hamming %d); loosen the constraints, ask for fewer or allow more runs (maxRuns)"
                        .formatted(
                                method,
                                found,
                                wanted,
                                runs,
                                settings.generations(),
                                settings.populationSize(),
                                infeasible,
                                duplicates,
                                tooClose,
                                minHamming));
    }

    private boolean closeToChosen(final DnaSequence candidate) {
        if (minHamming <= 1) {
            return false; // distinctness is already guaranteed by the taken set
        }
        for (final DnaSequence other : chosen) {
            if (closerThan(candidate, other, minHamming)) {
                return true;
            }
        }
        return false;
    }

    /** Hamming distance below {@code min}, stopping as soon as it reaches {@code min}. */
    private static boolean closerThan(final DnaSequence a, final DnaSequence b, final int min) {
        int d = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.baseAt(i) != b.baseAt(i) && ++d >= min) {
                return false;
            }
        }
        return true;
    }
}
