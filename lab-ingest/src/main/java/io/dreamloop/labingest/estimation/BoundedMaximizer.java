package io.dreamloop.labingest.estimation;

import java.util.function.DoubleUnaryOperator;

/**
 * Maximizes a function of one variable on a closed interval by Brent's method (golden section with
 * parabolic steps; Brent 1973, the {@code fmin} of Forsythe, Malcolm and Moler).
 *
 * <p>It stands in for R's {@code optim(method = "L-BFGS-B")} in one dimension: both find a local
 * maximum inside the bounds. Brent never evaluates the bounds themselves, so the bounds are
 * compared with the interior optimum at the end; that way an optimum pinned at a bound (as L-BFGS-B
 * returns it) is found too. Non-finite values count as −∞.
 */
public final class BoundedMaximizer {

    private static final double GOLDEN = 0.5 * (3 - Math.sqrt(5));
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));
    private static final int MAX_ITERATIONS = 200;

    private BoundedMaximizer() {}

    /**
     * The argmax of {@code f} on {@code [lo, hi]}.
     *
     * @param f the function; NaN and −∞ are treated as −∞
     * @param lo lower bound
     * @param hi upper bound, {@code >= lo}
     * @param tolerance absolute tolerance on the argument
     * @return the argmax
     */
    public static double maximize(
            final DoubleUnaryOperator f, final double lo, final double hi, final double tolerance) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("need lo <= hi, but was [%s, %s]".formatted(lo, hi));
        }
        if (lo == hi) {
            return lo;
        }
        final DoubleUnaryOperator g = x -> cost(f, x);
        double best = brent(g, lo, hi, tolerance);
        double bestCost = g.applyAsDouble(best);
        for (final double bound : new double[] {lo, hi}) {
            final double c = g.applyAsDouble(bound);
            if (c < bestCost) {
                best = bound;
                bestCost = c;
            }
        }
        return best;
    }

    private static double cost(final DoubleUnaryOperator f, final double x) {
        final double v = f.applyAsDouble(x);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
    }

    /** Brent's minimization of {@code g} on {@code (lo, hi)}. */
    private static double brent(
            final DoubleUnaryOperator g, final double lo, final double hi, final double tolerance) {
        double a = lo;
        double b = hi;
        double x = a + GOLDEN * (b - a);
        double w = x;
        double v = x;
        double fx = g.applyAsDouble(x);
        double fw = fx;
        double fv = fx;
        double d = 0;
        double e = 0;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            final double xm = 0.5 * (a + b);
            final double tol1 = SQRT_EPS * Math.abs(x) + tolerance / 3;
            final double tol2 = 2 * tol1;
            if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) {
                break;
            }
            boolean golden = true;
            if (Math.abs(e) > tol1) {
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) {
                    p = -p;
                } else {
                    q = -q;
                }
                r = e;
                e = d;
                if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
                    d = p / q;
                    final double u = x + d;
                    if (u - a < tol2 || b - u < tol2) {
                        d = x < xm ? tol1 : -tol1;
                    }
                    golden = false;
                }
            }
            if (golden) {
                e = (x < xm ? b : a) - x;
                d = GOLDEN * e;
            }
            final double u = x + (Math.abs(d) >= tol1 ? d : Math.copySign(tol1, d));
            final double fu = g.applyAsDouble(u);
            if (fu <= fx) {
                if (u < x) {
                    b = x;
                } else {
                    a = x;
                }
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return x;
    }
}
