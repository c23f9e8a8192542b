package io.dreamloop.predictor.model.artifact;

/** A stored artifact whose content does not match its address or manifest. */
public final class ArtifactIntegrityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArtifactIntegrityException(final String message) {
        super(message);
    }
}
