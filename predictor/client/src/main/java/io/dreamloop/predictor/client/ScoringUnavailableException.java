package io.dreamloop.predictor.client;

/** The predictor did not answer a score request in time: no predictor, or no champion model. */
public final class ScoringUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ScoringUnavailableException(final String message) {
        super(message);
    }
}
