package io.dreamloop.platform.error;

/**
 * A request contradicts what the service already holds (an id taken, a state that does not allow
 * it). The REST edge answers 409 with the message; a service throws this, not an HTTP type.
 */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(final String message) {
        super(message);
    }
}
