package io.dreamloop.predictor.game;

import java.util.ArrayList;
import java.util.List;

/** A GAME request that is refused or cannot be answered, with every reason found. */
public class GameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * How many messages a body lists; the rest are counted, so that a huge request gets a short
     * answer.
     */
    static final int MAX_LISTED = 50;

    private final GameError error;
    private final List<String> messages;

    public GameException(final GameError error, final List<String> messages) {
        super(error.key() + ": " + String.join("; ", messages));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a GAME error needs at least one message");
        }
        this.error = error;
        this.messages = listed(messages);
    }

    public GameException(final GameError error, final String message) {
        this(error, List.of(message));
    }

    private static List<String> listed(final List<String> messages) {
        if (messages.size() <= MAX_LISTED) {
            return List.copyOf(messages);
        }
        final List<String> listed = new ArrayList<>(messages.subList(0, MAX_LISTED));
        listed.add("... and %,d more problems".formatted(messages.size() - MAX_LISTED));
        return List.copyOf(listed);
    }

    public GameError error() {
        return error;
    }

    /** What was wrong, one message per problem, as GAME lists them. */
    public List<String> messages() {
        return messages;
    }
}
