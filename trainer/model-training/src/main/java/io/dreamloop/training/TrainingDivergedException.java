package io.dreamloop.training;

/**
 * A training run's loss became NaN or infinite. On 2 CPU threads PyTorch's reductions are not
 * bit-reproducible, so a run near the edge of stability (a peak learning rate too high for its
 * batch size) can diverge in one process and not in another with the same seed.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(final String message) {
        super(message);
    }
}
