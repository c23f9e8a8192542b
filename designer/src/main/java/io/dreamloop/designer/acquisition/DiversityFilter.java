package io.dreamloop.designer.acquisition;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a batch diverse: walks candidates in the order given and takes one only if it is at least
 * {@code minHamming} substitutions away from every one already taken (sequences of different
 * lengths always count as far apart). With {@code minHamming} 0 or 1 it takes the first {@code
 * budget} distinct sequences.
 */
public final class DiversityFilter {
    private final int minHamming;

    /**
     * @param minHamming the smallest Hamming distance allowed between two chosen sequences, {@code
     *     >= 0}
     */
    public DiversityFilter(final int minHamming) {
        if (minHamming < 0) {
            throw new IllegalArgumentException("minHamming must be >= 0, but was " + minHamming);
        }
        this.minHamming = minHamming;
    }

    /** The smallest Hamming distance allowed in a batch. */
    public int minHamming() {
        return minHamming;
    }

    /** Indices into {@code ordered} of at most {@code budget} diverse candidates, in order. */
    public List<Integer> select(final List<Candidate> ordered, final int budget) {
        final List<Integer> taken = new ArrayList<>(Math.min(budget, ordered.size()));
        for (int i = 0; i < ordered.size() && taken.size() < budget; i++) {
            final DnaSequence s = ordered.get(i).sequence();
            if (farFromAll(s, ordered, taken)) {
                taken.add(i);
            }
        }
        return taken;
    }

    private boolean farFromAll(
            final DnaSequence s, final List<Candidate> ordered, final List<Integer> taken) {
        for (final int j : taken) {
            final DnaSequence t = ordered.get(j).sequence();
            if (t.length() == s.length() && s.hammingDistanceBelow(t, Math.max(1, minHamming))) {
                return false;
            }
        }
        return true;
    }
}
