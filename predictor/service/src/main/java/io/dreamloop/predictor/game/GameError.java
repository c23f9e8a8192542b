package io.dreamloop.predictor.game;

/** GAME's error keys (its docs, {@code API/Error_messages.md}), each with its HTTP status. */
public enum GameError {
    /** The request is unacceptable; the model did not run. */
    BAD_PREDICTION_REQUEST("bad_prediction_request", 400),
    /** The request is valid, but the model cannot complete it. */
    PREDICTION_REQUEST_FAILED("prediction_request_failed", 422),
    /** A fault on the predictor's side kept it from predicting. */
    SERVER_ERROR("server_error", 500);

    private final String key;
    private final int status;

    GameError(final String key, final int status) {
        this.key = key;
        this.status = status;
    }

    /** The key that holds the messages in an error body. */
    public String key() {
        return key;
    }

    /** The HTTP status GAME gives this error. */
    public int status() {
        return status;
    }
}
