package io.dreamloop.platform.messaging;

/** What happened to one consumed record. */
public enum Outcome {
    /** The event's effect was committed. */
    APPLIED,
    /** The event id had been applied before; nothing changed. */
    DUPLICATE,
    /** The record went to the dead-letter topic with its reason. */
    DEAD_LETTERED
}
