package io.dreamloop.training;

import ai.djl.training.tracker.Tracker;

/**
 * PyTorch's {@code OneCycleLR} (two phases, cosine annealing), stepped once per batch, as a DJL
 * {@link Tracker} of the learning rate, with the matching first-moment ("momentum", Adam's β1)
 * cycle.
 *
 * <p>Over {@code totalSteps} optimizer steps, with {@code initial = maxLr / divFactor} and {@code
 * min = initial / finalDivFactor}:
 *
 * <ol>
 *   <li>steps 0 to {@code pctStart * totalSteps - 1}: the rate rises from {@code initial} to {@code
 *       maxLr} and β1 falls from {@code maxMomentum} to {@code baseMomentum};
 *   <li>then to step {@code totalSteps - 1}: the rate falls to {@code min} and β1 rises back,
 * </ol>
 *
 * each along {@code end + (start - end) / 2 * (1 + cos(pi * pct))}, pct being the fraction of the
 * phase done. The DREAM recipe (SPEC §1.6): maxLr 0.005 (0.001 for DREAM-Attn), divFactor 25,
 * pctStart 0.3, finalDivFactor 1e4, β1 0.95 → 0.85 → 0.95.
 *
 * <p>Steps are counted as PyTorch's scheduler counts them: the k-th optimizer step (1-based) uses
 * the value of step k-1, so {@link #getNewValue(int)} (DJL passes the 1-based update count) returns
 * {@code learningRate(numUpdate - 1)}. Immutable.
 */
public final class OneCycleSchedule implements Tracker {
    /** The DREAM recipe's fraction of steps spent rising. */
    public static final double PCT_START = 0.3;

    /** The DREAM recipe's ratio of the peak to the initial rate. */
    public static final double DIV_FACTOR = 25;

    /** The DREAM recipe's ratio of the initial to the final rate (PyTorch's default). */
    public static final double FINAL_DIV_FACTOR = 1e4;

    /** β1 at the peak rate (PyTorch's default base_momentum). */
    public static final double BASE_MOMENTUM = 0.85;

    /** β1 at the start and the end (PyTorch's default max_momentum). */
    public static final double MAX_MOMENTUM = 0.95;

    private final double maxLr;
    private final int totalSteps;
    private final double initialLr;
    private final double minLr;
    private final double baseMomentum;
    private final double maxMomentum;
    private final double peakStep;

    /**
     * @param maxLr the peak learning rate, positive
     * @param totalSteps optimizer steps of the whole run (epochs × batches per epoch), at least 1
     * @param pctStart fraction of the steps spent rising, in (0, 1)
     * @param divFactor {@code maxLr / initial}, at least 1
     * @param finalDivFactor {@code initial / min}, at least 1
     * @param baseMomentum β1 at the peak, in [0, 1)
     * @param maxMomentum β1 at the start and the end, in [baseMomentum, 1)
     * @throws IllegalArgumentException naming the first value out of range
     */
    public OneCycleSchedule(
            final double maxLr,
            final int totalSteps,
            final double pctStart,
            final double divFactor,
            final double finalDivFactor,
            final double baseMomentum,
            final double maxMomentum) {
        if (!(maxLr > 0 && Double.isFinite(maxLr))) {
            throw new IllegalArgumentException(
                    "maxLr must be positive and finite, but was " + maxLr);
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be >= 1, but was " + totalSteps);
        }
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("pctStart must be in (0, 1), but was " + pctStart);
        }
        if (!(divFactor >= 1) || !(finalDivFactor >= 1)) {
            throw new IllegalArgumentException(
                    "divFactor and finalDivFactor must be >= 1, but were %s and %s"
                            .formatted(divFactor, finalDivFactor));
        }
        if (!(baseMomentum >= 0 && baseMomentum <= maxMomentum && maxMomentum < 1)) {
            throw new IllegalArgumentException(
                    "momenta must satisfy 0 <= base <= max < 1, but were %s and %s"
                            .formatted(baseMomentum, maxMomentum));
        }
        this.maxLr = maxLr;
        this.totalSteps = totalSteps;
        this.initialLr = maxLr / divFactor;
        this.minLr = initialLr / finalDivFactor;
        this.baseMomentum = baseMomentum;
        this.maxMomentum = maxMomentum;
        this.peakStep = pctStart * totalSteps - 1;
    }

    /** The DREAM recipe's schedule for a peak rate and a number of steps. */
    public static OneCycleSchedule dream(final double maxLr, final int totalSteps) {
        return new OneCycleSchedule(
                maxLr,
                totalSteps,
                PCT_START,
                DIV_FACTOR,
                FINAL_DIV_FACTOR,
                BASE_MOMENTUM,
                MAX_MOMENTUM);
    }

    /** Optimizer steps of the whole run. */
    public int totalSteps() {
        return totalSteps;
    }

    /** The peak learning rate. */
    public double maxLr() {
        return maxLr;
    }

    /**
     * The learning rate at scheduler step {@code step} (0-based: step 0 is the first optimizer
     * step's rate, {@code maxLr / divFactor}).
     *
     * @throws IllegalArgumentException when step is negative or beyond {@code totalSteps}, as
     *     PyTorch refuses to step past the end
     */
    public double learningRate(final int step) {
        return phaseValue(step, initialLr, maxLr, minLr);
    }

    /** β1 at scheduler step {@code step}, cycled against the learning rate. */
    public double momentum(final int step) {
        return phaseValue(step, maxMomentum, baseMomentum, maxMomentum);
    }

    /**
     * The learning rate of DJL's {@code numUpdate}-th update (1-based).
     *
     * @throws IllegalArgumentException when the run has more updates than {@code totalSteps}
     */
    @Override
    public float getNewValue(final int numUpdate) {
        return (float) learningRate(numUpdate - 1);
    }

    private double phaseValue(
            final int step, final double start, final double peak, final double end) {
        if (step < 0 || step > totalSteps) {
            throw new IllegalArgumentException(
                    "step %d is outside the schedule's %d steps".formatted(step, totalSteps));
        }
        if (step <= peakStep) {
            return anneal(start, peak, fraction(step, 0, peakStep));
        }
        return anneal(peak, end, fraction(step, peakStep, totalSteps - 1));
    }

    private static double fraction(final int step, final double from, final double to) {
        return to == from ? 1 : (step - from) / (to - from);
    }

    private static double anneal(final double start, final double end, final double pct) {
        return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
    }
}
