package io.dreamloop.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PyTorch's {@code AdamW} driven by a {@link OneCycleSchedule}, as the DREAM recipe runs it (SPEC
 * §1.6): the learning rate and β1 both follow the schedule, β2 0.999, eps 1e-8, decoupled weight
 * decay on every parameter.
 *
 * <p>Why not DJL's {@code Optimizer.adamW()}: its β1 is a constant, while {@code OneCycleLR} cycles
 * β1 (0.95 → 0.85 → 0.95) against the rate. This is the same update, through the same engine
 * operator as DJL's AdamW, with β1 read from the schedule each step. Per step {@code t} (1-based),
 * with {@code lr} and {@code β1} the schedule's values of step {@code t - 1}:
 *
 * <pre>
 *   w ← w − lr · wd · w
 *   m ← β1 m + (1 − β1) g;   v ← β2 v + (1 − β2) g²
 *   w ← w − lr / (1 − β1^t) · m / (sqrt(v / (1 − β2^t)) + eps)
 * </pre>
 *
 * which is PyTorch's formula, bias corrections with the current β1 included.
 */
public final class OneCycleAdamW extends Optimizer {
    /** PyTorch's default β2. */
    public static final float BETA2 = 0.999f;

    /** PyTorch's default eps. */
    public static final float EPSILON = 1e-8f;

    private final OneCycleSchedule schedule;
    private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> variances = new ConcurrentHashMap<>();
    private volatile boolean skipping;

    /**
     * @param schedule the learning rate and β1 per step
     * @param weightDecay decoupled weight decay, e.g. 0.01
     * @throws IllegalArgumentException when the weight decay is negative or not finite
     */
    public OneCycleAdamW(final OneCycleSchedule schedule, final float weightDecay) {
        super(new Builder().optWeightDecays(checkDecay(weightDecay)));
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    private static float checkDecay(final float weightDecay) {
        if (!(weightDecay >= 0 && Float.isFinite(weightDecay))) {
            throw new IllegalArgumentException(
                    "weightDecay must be >= 0 and finite, but was " + weightDecay);
        }
        return weightDecay;
    }

    /** The schedule. */
    public OneCycleSchedule schedule() {
        return schedule;
    }

    /**
     * While true, a step (one {@code update} per parameter) leaves weights and moments as they are
     * and only clears the gradients: for a step whose gradients are not finite. The step counter
     * still advances, as it drives the schedule, which PyTorch also advances past a skipped step.
     */
    public void setSkipping(final boolean skip) {
        this.skipping = skip;
    }

    @Override
    public void update(final String parameterId, final NDArray weight, final NDArray grad) {
        final int t = updateCount(parameterId);
        if (skipping) {
            clearGradient(parameterId, weight);
            return;
        }
        final float lr = schedule.getNewValue(t);
        final float beta1 = (float) schedule.momentum(t - 1);
        final double correction1 = 1 - Math.pow(beta1, t);
        final double correction2 = 1 - Math.pow(BETA2, t);
        // The engine computes w -= lrc * m / (sqrt(v) + eps'); with these lrc and eps' that is
        // PyTorch's lr / c1 * m / (sqrt(v / c2) + eps).
        final float lrCorrected = (float) (lr * Math.sqrt(correction2) / correction1);
        final float epsilon = (float) (EPSILON * Math.sqrt(correction2));
        final NDList inputs =
                new NDList(
                        weight,
                        grad,
                        withDefaultState(
                                means, parameterId, weight.getDevice(), k -> weight.zerosLike()),
                        withDefaultState(
                                variances,
                                parameterId,
                                weight.getDevice(),
                                k -> weight.zerosLike()));
        weight.getNDArrayInternal()
                .adamUpdate(
                        inputs,
                        new NDList(weight),
                        lr,
                        lrCorrected,
                        getWeightDecay(),
                        rescaleGrad,
                        clipGrad,
                        beta1,
                        BETA2,
                        epsilon,
                        true,
                        true);
    }

    /**
     * The engine's Adam operator with a zero gradient, zero rates and β1 = β2 = 1 changes nothing,
     * and then clears the parameter's gradient; clearing it by arithmetic would keep NaN (NaN · 0
     * is NaN).
     */
    private void clearGradient(final String parameterId, final NDArray weight) {
        try (NDArray zero = weight.zerosLike()) {
            weight.getNDArrayInternal()
                    .adamUpdate(
                            new NDList(
                                    weight,
                                    zero,
                                    withDefaultState(
                                            means,
                                            parameterId,
                                            weight.getDevice(),
                                            k -> weight.zerosLike()),
                                    withDefaultState(
                                            variances,
                                            parameterId,
                                            weight.getDevice(),
                                            k -> weight.zerosLike())),
                            new NDList(weight),
                            0f,
                            0f,
                            0f,
                            1f,
                            -1f,
                            1f,
                            1f,
                            EPSILON,
                            true,
                            true);
        }
    }

    /** Only the base class's options (weight decay) are used. */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
