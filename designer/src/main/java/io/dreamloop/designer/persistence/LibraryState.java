package io.dreamloop.designer.persistence;

/** Where a library is in its life. */
public enum LibraryState {
    /** Designed, stored and published. */
    DESIGNED,
    /** The request could not be met; the failure says why. */
    FAILED
}
