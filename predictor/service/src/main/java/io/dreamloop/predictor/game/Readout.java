package io.dreamloop.predictor.game;

import java.util.Arrays;
import java.util.Optional;

/** What an evaluator asks to get per sequence. */
public enum Readout {
    /** One value per sequence: what the DREAM models predict. */
    POINT("point"),
    /** A value per position or bin. */
    TRACK("track"),
    /** A matrix per sequence, sent base64-encoded. */
    INTERACTION_MATRIX("interaction_matrix");

    private final String wireName;

    Readout(final String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The readout of a wire name, or empty for one GAME does not define. */
    public static Optional<Readout> of(final String wireName) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
    }
}
