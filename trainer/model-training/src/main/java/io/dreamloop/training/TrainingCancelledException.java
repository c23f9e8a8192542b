package io.dreamloop.training;

/**
 * A training run was cancelled through its cancel flag. Nothing was stored: a cancelled run never
 * produces an artifact (and so never a new champion).
 */
public final class TrainingCancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final long step;

    /**
     * @param epoch the epoch that was running (1-based; 0 before training started)
     * @param step optimizer steps done when the flag was seen
     * @param totalSteps optimizer steps the run would have taken
     */
    public TrainingCancelledException(final int epoch, final long step, final long totalSteps) {
        super(
                "training cancelled in epoch %d after %d of %d steps; nothing was stored"
                        .formatted(epoch, step, totalSteps));
        this.epoch = epoch;
        this.step = step;
    }

    /** The epoch that was running. */
    public int epoch() {
        return epoch;
    }

    /** Optimizer steps done. */
    public long step() {
        return step;
    }
}
