package io.dreamloop.predictor.game;

import java.util.Arrays;
import java.util.Optional;

/** How predictions are scaled, asked for by a task and said back by the answer. */
public enum Scale {
    LINEAR("linear"),
    LOG("log");

    private final String wireName;

    Scale(final String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The scale of a wire name, or empty for one GAME does not define. */
    public static Optional<Scale> of(final String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
