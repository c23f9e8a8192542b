package io.dreamloop.designer.ga;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Tiny deterministic "models" whose optimum is known, and a scorer that records its calls. */
final class ToyScorers {
    private ToyScorers() {}

    /** Number of G and C bases. */
    static double gcCount(final DnaSequence s) {
        return count(s, 'G') + count(s, 'C');
    }

    /** 2 per G plus 1 per C: conflicts with {@link #gCount} both ways (C vs G, and A/T vs G). */
    static double weighted(final DnaSequence s) {
        return 2 * count(s, 'G') + count(s, 'C');
    }

    /** Number of G bases. */
    static double gCount(final DnaSequence s) {
        return count(s, 'G');
    }

    static int count(final DnaSequence s, final char base) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.baseAt(i) == base) {
                n++;
            }
        }
        return n;
    }

    /** A scorer of one model that keeps every batch it was asked to score. */
    static Recording recording(final ToDoubleFunction<DnaSequence> model) {
        return new Recording(List.of(model));
    }

    /** A scorer of two models that keeps every batch it was asked to score. */
    static Recording recording(
            final ToDoubleFunction<DnaSequence> first, final ToDoubleFunction<DnaSequence> second) {
        return new Recording(List.of(first, second));
    }

    /** Records the batches it scores. */
    static final class Recording implements SequenceScorer {
        final List<ToDoubleFunction<DnaSequence>> models;
        final List<List<DnaSequence>> calls = new ArrayList<>();

        Recording(final List<ToDoubleFunction<DnaSequence>> models) {
            this.models = models;
        }

        @Override
        public double[][] score(final List<DnaSequence> variableRegions) {
            calls.add(List.copyOf(variableRegions));
            final double[][] out = new double[models.size()][variableRegions.size()];
            for (int m = 0; m < out.length; m++) {
                for (int i = 0; i < variableRegions.size(); i++) {
                    out[m][i] = models.get(m).applyAsDouble(variableRegions.get(i));
                }
            }
            return out;
        }

        long scored() {
            return calls.stream().mapToLong(List::size).sum();
        }
    }
}
