package io.dreamloop.predictor.scoring;

/** A request names a model version this predictor does not know, or no champion exists yet. */
public final class UnknownModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownModelException(final String message) {
        super(message);
    }
}
