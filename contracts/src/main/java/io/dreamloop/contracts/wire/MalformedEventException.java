package io.dreamloop.contracts.wire;

/** A message that cannot be read as the expected event; the message says where and why. */
public final class MalformedEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedEventException(final String message, final Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(final String message) {
        super(message);
    }
}
