package io.dreamloop.contracts.sequence;

/** A sequence that is not valid DNA; the message names the offending position and base. */
public final class InvalidSequenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSequenceException(final String message) {
        super(message);
    }
}
