package io.dreamloop.contracts.motif;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.Arrays;
import java.util.Objects;

/**
 * A transcription-factor motif as a position frequency matrix (PFM): one row per motif position,
 * columns A, C, G, T, holding counts (or frequencies; only the proportions within a row matter).
 *
 * <p>The PFM is what JASPAR publishes; the log-odds scoring matrix derived from it ({@link
 * #logOdds(double)}) is what binding energies are computed from. Keeping the counts rather than the
 * log-odds lets callers choose the pseudocount.
 *
 * @param accession the database accession, e.g. {@code MA0363.3}
 * @param name the factor name as written in the file's {@code ID} line, e.g. {@code REB1}
 * @param counts rows of four non-negative numbers (A, C, G, T), each row with a positive sum;
 *     copied on the way in and out
 */
public record Motif(String accession, String name, double[][] counts) {

    /** Background probability of each base: uniform, since yeast promoter GC content varies. */
    public static final double BACKGROUND = 0.25;

    /**
     * @throws IllegalArgumentException on an empty matrix, a row that is not four non-negative
     *     finite numbers, or a row summing to zero
     */
    public Motif {
        Objects.requireNonNull(accession, "accession");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(counts, "counts");
        if (name.isBlank() || counts.length == 0) {
            throw new IllegalArgumentException("motif needs a name and at least one row: " + name);
        }
        final double[][] copy = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = checkedRow(name, i, counts[i]);
        }
        counts = copy;
    }

    /** A copy of the count matrix (rows: positions; columns: A, C, G, T). */
    @Override
    public double[][] counts() {
        final double[][] copy = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Number of positions. */
    public int length() {
        return counts.length;
    }

    /** The most frequent base at each position (first of A, C, G, T on ties). */
    public DnaSequence consensus() {
        final StringBuilder out = new StringBuilder(counts.length);
        for (final double[] row : counts) {
            int best = 0;
            for (int b = 1; b < 4; b++) {
                if (row[b] > row[best]) {
                    best = b;
                }
            }
            out.append(DnaSequence.BASES.charAt(best));
        }
        return DnaSequence.of(out.toString());
    }

    /** The motif as it reads on the opposite strand: rows reversed, A↔T and C↔G swapped. */
    public Motif reverseComplement() {
        final double[][] rc = new double[counts.length][4];
        for (int i = 0; i < counts.length; i++) {
            final double[] row = counts[counts.length - 1 - i];
            for (int b = 0; b < 4; b++) {
                rc[i][b] = row[3 - b];
            }
        }
        return new Motif(accession, name, rc);
    }

    /**
     * The log-odds scoring matrix {@code ln(p(b|i) / 0.25)} in nats, so that {@code exp(score)} is
     * a relative affinity (the Berg–von Hippel approximation of binding energy).
     *
     * <p>The pseudocount is a fraction of each row's total, spread evenly over the four bases:
     * {@code p = (c_b + f·N/4) / (N + f·N)}. Making it relative keeps the matrices comparable,
     * because JASPAR rows sum to anything from 100 to 16,000.
     *
     * @param pseudocountFraction {@code f}, positive; 0.1 makes an unseen base cost about 2.4 nats
     * @return rows of four log-odds values (A, C, G, T)
     */
    public double[][] logOdds(final double pseudocountFraction) {
        if (!(pseudocountFraction > 0) || Double.isInfinite(pseudocountFraction)) {
            throw new IllegalArgumentException(
                    "pseudocount fraction must be positive, but was " + pseudocountFraction);
        }
        final double[][] out = new double[counts.length][4];
        for (int i = 0; i < counts.length; i++) {
            final double total = Arrays.stream(counts[i]).sum();
            for (int b = 0; b < 4; b++) {
                final double p =
                        (counts[i][b] + pseudocountFraction * total * BACKGROUND)
                                / (total * (1 + pseudocountFraction));
                out[i][b] = Math.log(p / BACKGROUND);
            }
        }
        return out;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Motif m
                && accession.equals(m.accession)
                && name.equals(m.name)
                && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accession, name, Arrays.deepHashCode(counts));
    }

    @Override
    public String toString() {
        return "Motif[%s %s, length %d, consensus %s]"
                .formatted(accession, name, counts.length, consensus());
    }

    private static double[] checkedRow(final String name, final int index, final double[] row) {
        if (row == null || row.length != 4) {
            throw new IllegalArgumentException(
                    "motif %s row %d must have 4 values (A, C, G, T)".formatted(name, index + 1));
        }
        double sum = 0;
        for (final double v : row) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(
                        "motif %s row %d has an invalid count %s".formatted(name, index + 1, v));
            }
            sum += v;
        }
        if (sum == 0) {
            throw new IllegalArgumentException(
                    "motif %s row %d sums to zero".formatted(name, index + 1));
        }
        return row.clone();
    }
}
