package io.dreamloop.contracts.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of event types: wire name, schema version and Java type, in one place. */
public final class EventTypes {

    /**
     * One event type.
     *
     * @param name the wire name carried in {@link EventHeader#type()}
     * @param schemaVersion the current major schema version
     * @param javaType the record type
     */
    public record Type(String name, int schemaVersion, Class<? extends Event> javaType) {}

    public static final Type DESIGN_REQUESTED =
            new Type("design-requested", 1, DesignRequested.class);
    public static final Type SCORE_REQUESTED = new Type("score-requested", 1, ScoreRequested.class);
    public static final Type SCORES_COMPUTED = new Type("scores-computed", 1, ScoresComputed.class);
    public static final Type LIBRARY_DESIGNED =
            new Type("library-designed", 1, LibraryDesigned.class);
    public static final Type SORTSEQ_RUN_SUBMITTED =
            new Type("sortseq-run-submitted", 1, SortSeqRunSubmitted.class);
    public static final Type MEASUREMENTS_RECORDED =
            new Type("measurements-recorded", 1, MeasurementsRecorded.class);
    public static final Type MODEL_PUBLISHED = new Type("model-published", 1, ModelPublished.class);
    public static final Type DEAD_LETTER = new Type("dead-letter", 1, DeadLetter.class);

    public static final List<Type> ALL =
            List.of(
                    DESIGN_REQUESTED,
                    SCORE_REQUESTED,
                    SCORES_COMPUTED,
                    LIBRARY_DESIGNED,
                    SORTSEQ_RUN_SUBMITTED,
                    MEASUREMENTS_RECORDED,
                    MODEL_PUBLISHED,
                    DEAD_LETTER);

    private static final Map<Class<?>, Type> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Type::javaType, Function.identity()));

    private EventTypes() {}

    /**
     * @throws IllegalArgumentException for a class that is not a registered event
     */
    public static Type of(final Class<?> eventClass) {
        final Type type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not an event type: " + eventClass.getName());
        }
        return type;
    }

    /** A fresh header for an event of this class. */
    public static EventHeader header(
            final Class<? extends Event> eventClass, final Lineage lineage) {
        final Type type = of(eventClass);
        return EventHeader.create(type.name(), type.schemaVersion(), lineage);
    }

    /** Checks that a header belongs to the given event class; used by every event constructor. */
    static void check(final EventHeader header, final Class<? extends Event> eventClass) {
        Objects.requireNonNull(header, "header");
        final Type type = of(eventClass);
        if (!type.name().equals(header.type())) {
            throw new IllegalArgumentException(
                    "header type '%s' does not match event type '%s'"
                            .formatted(header.type(), type.name()));
        }
        if (header.schemaVersion() != type.schemaVersion()) {
            throw new IllegalArgumentException(
                    "unsupported schema version %d for '%s' (this build reads version %d)"
                            .formatted(header.schemaVersion(), type.name(), type.schemaVersion()));
        }
    }
}
