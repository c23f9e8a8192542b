package io.dreamloop.labingest.ingest;

import java.util.List;

/** A count table that cannot be accepted; {@link #problems()} lists each, with row and column. */
public final class CountTableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The problems, each naming its row (1-based line) and column. */
    private final transient List<String> problems;

    public CountTableException(final List<String> problems) {
        super(
                problems.size() == 1
                        ? problems.getFirst()
                        : "%d problems, first: %s".formatted(problems.size(), problems.getFirst()));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
