package io.dreamloop.contracts.wire;

/** An event whose encoding exceeds the message limit: split it with {@link Chunks}. */
public final class OversizeEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OversizeEventException(final String message) {
        super(message);
    }
}
