package io.dreamloop.platform.messaging;

/**
 * A well-formed event that this service cannot apply (an unknown library id, a count table for
 * another library, ...). It is dead-lettered with this message at once, without retries.
 */
public final class RejectedEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RejectedEventException(final String message) {
        super(message);
    }
}
