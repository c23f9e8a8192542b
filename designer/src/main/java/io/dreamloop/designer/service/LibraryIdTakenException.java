package io.dreamloop.designer.service;

import io.dreamloop.platform.error.ConflictException;

/** A design request names a library id that an earlier request already used (409). */
public final class LibraryIdTakenException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public LibraryIdTakenException(final String libraryId, final Object requestEventId) {
        super(
                "library '%s' already exists (from request %s): choose another id, or read it with GET /libraries/%s"
                        .formatted(libraryId, requestEventId, libraryId));
    }
}
