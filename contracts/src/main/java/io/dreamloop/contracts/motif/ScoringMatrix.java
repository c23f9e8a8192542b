package io.dreamloop.contracts.motif;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.Objects;

/**
 * A motif's log-odds matrix laid out for fast scanning of both strands.
 *
 * <p>Scores are in nats ({@link Motif#logOdds(double)}). An {@code N} in the sequence scores 0 at
 * every motif position: the average base under the uniform background, neither helping nor hurting
 * binding. The reverse-strand score at position {@code i} is the score of the motif's reverse
 * complement at {@code i}, i.e. the forward score of the reverse-complemented sequence at {@code n
 * − L − i}; scanning therefore never builds the reverse-complement string.
 *
 * @implNote Immutable and thread-safe.
 */
public final class ScoringMatrix {

    /** Columns per motif position: A, C, G, T, N. */
    private static final int COLUMNS = 5;

    private final Motif motif;
    private final int length;
    private final double[] forward;
    private final double[] reverse;
    private final double maxScore;

    /**
     * @param motif the motif
     * @param pseudocountFraction see {@link Motif#logOdds(double)}
     */
    public ScoringMatrix(final Motif motif, final double pseudocountFraction) {
        this.motif = Objects.requireNonNull(motif, "motif");
        this.length = motif.length();
        this.forward = flatten(motif.logOdds(pseudocountFraction));
        this.reverse = flatten(motif.reverseComplement().logOdds(pseudocountFraction));
        double max = 0;
        for (final double[] row : motif.logOdds(pseudocountFraction)) {
            max += Math.max(Math.max(row[0], row[1]), Math.max(row[2], row[3]));
        }
        this.maxScore = max;
    }

    /** Encodes bases as A=0, C=1, G=2, T=3, N=4 for {@link #forward(byte[], int)}. */
    public static byte[] encode(final DnaSequence sequence) {
        final byte[] codes = new byte[sequence.length()];
        for (int i = 0; i < codes.length; i++) {
            final int base = DnaSequence.BASES.indexOf(sequence.baseAt(i));
            codes[i] = (byte) (base < 0 ? DnaSequence.BASES.length() : base);
        }
        return codes;
    }

    /** The motif this matrix scores. */
    public Motif motif() {
        return motif;
    }

    /** Number of motif positions. */
    public int length() {
        return length;
    }

    /** The best achievable score: that of the consensus. */
    public double maxScore() {
        return maxScore;
    }

    /** Score of the motif read on the given strand starting at {@code position} (0-based). */
    public double forward(final byte[] codes, final int position) {
        return score(forward, codes, position);
    }

    /** Score of the motif on the opposite strand, covering the same bases as the forward one. */
    public double reverse(final byte[] codes, final int position) {
        return score(reverse, codes, position);
    }

    /** Convenience for tests and one-off use; scanning code should encode once. */
    public double forward(final DnaSequence sequence, final int position) {
        return forward(encode(sequence), position);
    }

    /** Convenience for tests and one-off use; scanning code should encode once. */
    public double reverse(final DnaSequence sequence, final int position) {
        return reverse(encode(sequence), position);
    }

    /**
     * Forward score without the range check, for a scanning loop that already keeps {@code
     * position} within {@code [0, codes.length - length()]}; outside it the sum reads the wrong
     * bases or throws {@link ArrayIndexOutOfBoundsException}.
     */
    public double forwardUnchecked(final byte[] codes, final int position) {
        return sum(forward, codes, position);
    }

    /**
     * Reverse score without the range check; the same contract as {@link #forwardUnchecked(byte[],
     * int)}.
     */
    public double reverseUnchecked(final byte[] codes, final int position) {
        return sum(reverse, codes, position);
    }

    private double score(final double[] table, final byte[] codes, final int position) {
        if (position < 0 || position + length > codes.length) {
            throw new IndexOutOfBoundsException(
                    "motif of length %d at %d does not fit a sequence of %d"
                            .formatted(length, position, codes.length));
        }
        return sum(table, codes, position);
    }

    private double sum(final double[] table, final byte[] codes, final int position) {
        double s = 0;
        for (int j = 0; j < length; j++) {
            s += table[j * COLUMNS + codes[position + j]];
        }
        return s;
    }

    private static double[] flatten(final double[][] logOdds) {
        final double[] out = new double[logOdds.length * COLUMNS];
        for (int j = 0; j < logOdds.length; j++) {
            System.arraycopy(logOdds[j], 0, out, j * COLUMNS, 4);
        }
        return out;
    }
}
