package io.dreamloop.platform.error;

/**
 * A request names something the service does not hold (a library, a campaign, a run). The REST edge
 * answers 404 with the message; a service throws this, not an HTTP type.
 */
public class UnknownResourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownResourceException(final String message) {
        super(message);
    }
}
