package io.dreamloop.trainer.service;

import io.dreamloop.training.DreamFormat;
import java.util.List;

/** An uploaded DREAM-format file with malformed lines; {@link #problems()} names each line. */
public final class MalformedFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The first malformed lines, each {@code line <n>: <what is wrong>}. */
    private final transient List<String> problems;

    MalformedFileException(final String name, final DreamFormat.Checked checked) {
        super(
                "%s: %d malformed line%s, nothing was stored; first: %s"
                        .formatted(
                                name,
                                checked.malformedLines(),
                                checked.malformedLines() == 1 ? "" : "s",
                                checked.problems().getFirst()));
        this.problems = checked.problems().stream().map(Object::toString).toList();
    }

    public List<String> problems() {
        return problems;
    }
}
