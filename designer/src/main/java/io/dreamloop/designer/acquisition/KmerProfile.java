package io.dreamloop.designer.acquisition;

import io.dreamloop.contracts.sequence.DnaSequence;

/**
 * A sequence as the unit-length vector of its k-mer counts over both strands: an embedding in which
 * two sequences are close when they share words (binding sites, repeats), not only aligned bases. A
 * reverse-complement pair has one profile; k-mers with an {@code N} are not counted.
 */
final class KmerProfile {

    private KmerProfile() {}

    /** The profile of {@code sequence}: {@code 4^k} entries, Euclidean length 1 (or all 0). */
    static float[] of(final DnaSequence sequence, final int k) {
        final float[] counts = new float[1 << (2 * k)];
        count(sequence.bases(), k, counts);
        count(sequence.reverseComplement().bases(), k, counts);
        double norm = 0;
        for (final float c : counts) {
            norm += c * c;
        }
        if (norm > 0) {
            final float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < counts.length; i++) {
                counts[i] *= scale;
            }
        }
        return counts;
    }

    /** Squared Euclidean distance of two profiles. */
    static double squaredDistance(final float[] a, final float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            final double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    private static void count(final String bases, final int k, final float[] counts) {
        final int mask = counts.length - 1;
        int word = 0;
        int valid = 0;
        for (int i = 0; i < bases.length(); i++) {
            final int code = DnaSequence.BASES.indexOf(bases.charAt(i));
            if (code < 0) {
                valid = 0;
                continue;
            }
            word = ((word << 2) | code) & mask;
            if (++valid >= k) {
                counts[word]++;
            }
        }
    }
}
