package io.dreamloop.labingest.estimation;

/** Pearson correlation, for accuracy checks of the estimators against a simulated truth. */
public final class Correlation {
    private Correlation() {}

    /** Pearson r of two equally long samples. */
    public static double pearson(final double[] a, final double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
