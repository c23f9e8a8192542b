package io.dreamloop.designer.constraint;

/** A design request that cannot be met; the message says which constraint and by how much. */
public final class UnsatisfiableRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsatisfiableRequestException(final String message) {
        super(message);
    }
}
