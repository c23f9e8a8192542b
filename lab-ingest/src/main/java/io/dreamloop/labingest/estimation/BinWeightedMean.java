package io.dreamloop.labingest.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The DREAM training library's expression estimate (SPEC §5.1): the read-weighted mean bin index
 * Σ_b b·n_b / Σ_b n_b, bins indexed 0..B−1. No per-bin depth normalization (SPEC marks it
 * unverified).
 *
 * <p><b>Singletons.</b> With the sequence's sorted cell count known, the estimate is a singleton
 * when it rests on exactly one cell. Without it we flag what DREAM flags ({@code
 * value.is_integer()}): all reads in one bin. That also flags a sequence whose several cells all
 * landed in one bin, the same ambiguity DREAM's flag carries; it never misses a true singleton.
 */
public final class BinWeightedMean {

    private BinWeightedMean() {}

    /**
     * One sequence's estimate.
     *
     * @param value the mean bin index in [0, B−1]; empty when the sequence has no reads
     * @param reads reads behind the estimate
     * @param singleton true when the estimate rests on one cell (see the class notes)
     */
    public record Estimate(OptionalDouble value, long reads, boolean singleton) {
        public Estimate {
            Objects.requireNonNull(value, "value");
            if (reads < 0) {
                throw new IllegalArgumentException("reads must be >= 0, but was " + reads);
            }
            if (value.isEmpty() != (reads == 0)) {
                throw new IllegalArgumentException(
                        "an estimate has a value exactly when it has reads, but reads were "
                                + reads);
            }
        }

        /** True when the sequence had no reads, so there is no value. */
        public boolean empty() {
            return value.isEmpty();
        }
    }

    /**
     * The estimate without cell counts (singleton = all reads in one bin).
     *
     * @param binReads reads per bin, each {@code >= 0}
     * @return the estimate
     */
    public static Estimate of(final long[] binReads) {
        return of(binReads, OptionalLong.empty());
    }

    /**
     * The estimate, with the sequence's sorted cells when known (singleton = one cell).
     *
     * @param binReads reads per bin, each {@code >= 0}
     * @param cells cells of this sequence that were sorted into any bin, {@code >= 0}, if known
     * @return the estimate
     */
    public static Estimate of(final long[] binReads, final OptionalLong cells) {
        Objects.requireNonNull(binReads, "binReads");
        Objects.requireNonNull(cells, "cells");
        long total = 0;
        double weighted = 0;
        int binsWithReads = 0;
        for (int b = 0; b < binReads.length; b++) {
            if (binReads[b] < 0) {
                throw new IllegalArgumentException(
                        "bin %d: reads must be >= 0, but was %d".formatted(b, binReads[b]));
            }
            total += binReads[b];
            weighted += (double) b * binReads[b];
            binsWithReads += binReads[b] > 0 ? 1 : 0;
        }
        if (cells.isPresent() && cells.getAsLong() < 0) {
            throw new IllegalArgumentException("cells must be >= 0, but was " + cells.getAsLong());
        }
        if (total == 0) {
            return new Estimate(OptionalDouble.empty(), 0, false);
        }
        final boolean singleton = cells.isPresent() ? cells.getAsLong() == 1 : binsWithReads == 1;
        return new Estimate(OptionalDouble.of(weighted / total), total, singleton);
    }

    /**
     * Every row of a count matrix, without cell counts.
     *
     * @param counts the counts
     * @return one estimate per row
     */
    public static List<Estimate> of(final CountMatrix counts) {
        final List<Estimate> out = new ArrayList<>(counts.rows());
        for (int i = 0; i < counts.rows(); i++) {
            out.add(of(counts.row(i)));
        }
        return out;
    }
}
