package io.dreamloop.labingest.insilico;

import io.dreamloop.labingest.estimation.LogGamma;
import java.util.random.RandomGenerator;

/**
 * The random variates the simulator needs, drawn only from the given generator so that a seed fixes
 * the result.
 *
 * <p>The negative binomial is drawn as a Gamma–Poisson mixture: λ ~ Gamma(shape = size, scale = (1
 * − p)/p), x ~ Poisson(λ). That is exact for real-valued sizes, needs no table, and stays fast when
 * the size is in the millions (10 × the cells in a bin).
 */
final class Sampling {

    private Sampling() {}

    /**
     * NB(size, prob) in R's parameterization (failures before {@code size} successes).
     *
     * @param size {@code > 0}
     * @param prob in (0, 1]
     */
    static long negativeBinomial(
            final RandomGenerator random, final double size, final double prob) {
        if (prob == 1) {
            return 0;
        }
        return poisson(random, gamma(random, size) * (1 - prob) / prob);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the U^(1/shape) boost below 1. */
    static double gamma(final RandomGenerator random, final double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        final double d = shape - 1.0 / 3;
        final double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = random.nextGaussian();
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            final double u = random.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z
                    || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /**
     * Poisson(mean): multiplication of uniforms below 10, Hörmann's (1993) PTRS transformed
     * rejection above.
     */
    static long poisson(final RandomGenerator random, final double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 10) {
            final double limit = Math.exp(-mean);
            long k = 0;
            double prod = random.nextDouble();
            while (prod > limit) {
                k++;
                prod *= random.nextDouble();
            }
            return k;
        }
        final double slam = Math.sqrt(mean);
        final double logLam = Math.log(mean);
        final double b = 0.931 + 2.53 * slam;
        final double a = -0.059 + 0.02483 * b;
        final double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        final double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            final double u = random.nextDouble() - 0.5;
            final double v = random.nextDouble();
            final double us = 0.5 - Math.abs(u);
            final long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * logLam - LogGamma.of(k + 1.0)) {
                return k;
            }
        }
    }
}
