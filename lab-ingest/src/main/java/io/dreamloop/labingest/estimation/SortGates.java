package io.dreamloop.labingest.estimation;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.contracts.stats.Normal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The sorting bins of a sort-seq run, in bin order: each bin's quantile bounds in the population's
 * expression distribution and the matching standard-normal z bounds (MAUDE's {@code binStartQ,
 * binEndQ, binStartZ, binEndZ}).
 *
 * <p>Bins must be ordered (start and end quantiles non-decreasing) but may overlap: real gate
 * tables do, e.g. the CD69 table's {@code low} ends at 0.9099 and {@code medium} starts at 0.9079.
 * MAUDE accepts such tables and so do we. Gaps are allowed too; cells in a gap are not sorted.
 *
 * @param bins the bins, at least one
 */
public record SortGates(List<Bin> bins) {

    /**
     * MAUDE's default tail mass left out of the outermost gates ({@code tailP} in makeBinModel).
     */
    public static final double DEFAULT_TAIL_P = 0.001;

    /**
     * One bin.
     *
     * @param name the bin's name
     * @param startQuantile lower quantile bound, in [0, 1)
     * @param endQuantile upper quantile bound, in (startQuantile, 1]
     * @param startZ lower z bound
     * @param endZ upper z bound, {@code > startZ}
     */
    public record Bin(
            String name, double startQuantile, double endQuantile, double startZ, double endZ) {
        public Bin {
            Objects.requireNonNull(name, "name");
            if (!(0 <= startQuantile && startQuantile < endQuantile && endQuantile <= 1)) {
                throw new IllegalArgumentException(
                        "bin '%s' needs 0 <= startQ < endQ <= 1, but was [%s, %s]"
                                .formatted(name, startQuantile, endQuantile));
            }
            if (!(startZ < endZ)) {
                throw new IllegalArgumentException(
                        "bin '%s' needs startZ < endZ, but was [%s, %s]"
                                .formatted(name, startZ, endZ));
            }
        }

        /**
         * A bin whose z bounds are the standard-normal quantiles of its quantile bounds.
         *
         * @param name the bin's name
         * @param startQuantile lower quantile bound
         * @param endQuantile upper quantile bound
         * @return the bin
         */
        public static Bin of(
                final String name, final double startQuantile, final double endQuantile) {
            if (!(0 <= startQuantile && startQuantile < endQuantile && endQuantile <= 1)) {
                throw new IllegalArgumentException(
                        "bin '%s' needs 0 <= startQ < endQ <= 1, but was [%s, %s]"
                                .formatted(name, startQuantile, endQuantile));
            }
            return new Bin(
                    name,
                    startQuantile,
                    endQuantile,
                    Normal.quantile(startQuantile),
                    Normal.quantile(endQuantile));
        }

        /** The population fraction the gate captures, {@code endQ - startQ}. */
        public double width() {
            return endQuantile - startQuantile;
        }
    }

    public SortGates {
        bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("gates need at least one bin");
        }
        for (int b = 1; b < bins.size(); b++) {
            final Bin prev = bins.get(b - 1);
            final Bin cur = bins.get(b);
            if (cur.startQuantile() < prev.startQuantile()
                    || cur.endQuantile() < prev.endQuantile()) {
                throw new IllegalArgumentException(
                        "bins must be in increasing order, but bin %d '%s' [%s, %s] comes after '%s' [%s, %s]"
                                .formatted(
                                        b,
                                        cur.name(),
                                        cur.startQuantile(),
                                        cur.endQuantile(),
                                        prev.name(),
                                        prev.startQuantile(),
                                        prev.endQuantile()));
            }
        }
    }

    /**
     * Gates from the contract's gate list, z bounds from Φ⁻¹.
     *
     * @param gates the run's gates, in bin order
     * @return the gates
     */
    public static SortGates fromBinGates(final List<BinGate> gates) {
        Objects.requireNonNull(gates, "gates");
        final List<Bin> bins = new ArrayList<>(gates.size());
        for (final BinGate g : gates) {
            bins.add(Bin.of(g.name(), g.startQuantile(), g.endQuantile()));
        }
        return new SortGates(bins);
    }

    /**
     * {@code n} contiguous bins of equal population mass between {@code tailP} and {@code 1 -
     * tailP}, named {@code 0..n-1}.
     *
     * <p>This is MAUDE's {@code makeBinModel} with equal captured fractions {@code (1 - 2 tailP) /
     * n} stacked upward from {@code tailP}; with {@code n = 18} it is our stand-in for the DREAM
     * training library's 18 FACS bins, whose real gates were not published.
     *
     * @param n number of bins, at least 1
     * @param tailP the mass left out at each end, in [0, 0.5)
     * @return the gates
     */
    public static SortGates contiguous(final int n, final double tailP) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one bin, but was " + n);
        }
        if (!(tailP >= 0 && tailP < 0.5)) {
            throw new IllegalArgumentException("tailP must be in [0, 0.5), but was " + tailP);
        }
        final double width = (1 - 2 * tailP) / n;
        final double[] bounds = new double[n + 1];
        for (int b = 0; b <= n; b++) {
            bounds[b] = tailP + b * width;
        }
        bounds[n] = 1 - tailP;
        final double[] z = Arrays.stream(bounds).map(Normal::quantile).toArray();
        final List<Bin> bins = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            bins.add(new Bin(Integer.toString(b), bounds[b], bounds[b + 1], z[b], z[b + 1]));
        }
        return new SortGates(bins);
    }

    /** Number of bins. */
    public int size() {
        return bins.size();
    }

    /** The bins as the contract's gate list (z bounds are not carried). */
    public List<BinGate> toBinGates() {
        return bins.stream()
                .map(b -> new BinGate(b.name(), b.startQuantile(), b.endQuantile()))
                .toList();
    }

    /**
     * The first bin whose z range {@code [startZ, endZ)} holds {@code z}, or −1 when none does.
     * With overlapping gates the lower bin wins: a sorter puts a cell in one tube only.
     *
     * @param z a cell's expression in z units
     * @return the bin index or −1
     */
    public int binOf(final double z) {
        for (int b = 0; b < bins.size(); b++) {
            final Bin bin = bins.get(b);
            if (z >= bin.startZ() && z < bin.endZ()) {
                return b;
            }
        }
        return -1;
    }
}
