package io.dreamloop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.dreamloop.predictor.model.nn.Scalars;

/**
 * The DREAM training loss (SPEC §1.5): the Kullback-Leibler divergence of the model's bin
 * distribution from the soft target, averaged over the batch, as PyTorch's {@code
 * KLDivLoss(reduction="batchmean")} applied to {@code log_softmax(logits)}:
 *
 * <pre>
 *   loss = (1 / N) * Σ_n Σ_k p_nk * (log p_nk − log_softmax(logits_n)_k),   with 0 · log 0 = 0
 * </pre>
 *
 * <p>Predictions are the raw logits {@code (N, 18)} that {@code PrixFixeNet} outputs (the final
 * block applies no softmax); labels are target probabilities {@code (N, 18)} ({@link SoftTargets}).
 * The gradient with respect to the logits is {@code (softmax(logits) − p) / N}. DJL has no KL loss
 * of its own.
 */
public final class KlDivergenceLoss extends Loss {
    /** Below this a target probability counts as 0 in {@code p log p}. */
    private static final float TINY = 1e-30f;

    /** A loss named {@code KLDivLoss}. */
    public KlDivergenceLoss() {
        this("KLDivLoss");
    }

    /**
     * @param name the name the loss is reported under
     */
    public KlDivergenceLoss(final String name) {
        super(name);
    }

    /**
     * @param labels target probabilities {@code (N, K)}, each row summing to 1
     * @param predictions logits {@code (N, K)}
     * @return the batch-mean KL divergence, a scalar
     */
    @Override
    public NDArray evaluate(final NDList labels, final NDList predictions) {
        final NDArray logits = predictions.singletonOrThrow();
        final NDArray target = labels.singletonOrThrow();
        if (!target.getShape().equals(logits.getShape())) {
            throw new IllegalArgumentException(
                    "target probabilities %s do not match logits %s"
                            .formatted(target.getShape(), logits.getShape()));
        }
        final NDArray logTarget = target.clip(TINY, 1f).log();
        return Scalars.div(
                target.mul(logTarget.sub(logits.logSoftmax(1))).sum(),
                (float) logits.getShape().get(0));
    }
}
