package io.dreamloop.designer.design;

/** A FASTA input that cannot be read; the message and {@link #line()} name the offending line. */
public final class MalformedFastaException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** 1-based line number. */
    private final int line;

    public MalformedFastaException(final String message, final int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line the problem is on. */
    public int line() {
        return line;
    }
}
