package io.dreamloop.labingest.insilico;

/**
 * Counts poly-A / poly-T tracts, the sequence feature that excludes nucleosomes in yeast promoters.
 *
 * <p>A tract is a maximal run of a single base, A or T (mixed A/T runs do not count: it is the
 * rigid homopolymer that resists wrapping around a nucleosome). Each tract of length {@code ≥
 * minRun} contributes {@code length − minRun + 1}, so longer tracts count more, as they exclude
 * nucleosomes more strongly.
 */
final class AtTracts {

    private static final byte A = 0;
    private static final byte T = 3;

    private AtTracts() {}

    /**
     * @param codes bases encoded by {@link io.dreamloop.contracts.motif.ScoringMatrix#encode}
     * @param minRun shortest run that counts
     * @return the summed excess length of all A or T runs of at least {@code minRun}
     */
    static int excess(final byte[] codes, final int minRun) {
        int total = 0;
        int run = 0;
        for (int i = 0; i < codes.length; i++) {
            final byte b = codes[i];
            final boolean at = b == A || b == T;
            run = at && i > 0 && codes[i - 1] == b ? run + 1 : at ? 1 : 0;
            final boolean ends = i + 1 == codes.length || codes[i + 1] != b;
            if (ends && run >= minRun) {
                total += run - minRun + 1;
            }
        }
        return total;
    }
}
