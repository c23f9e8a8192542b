package io.dreamloop.labingest.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A gate or count table, or an upload, that cannot be accepted. {@link #problems()} lists each
 * problem with its row and column, the first {@value #MAX_LISTED} of them and then a line that
 * counts the rest: a file with more is usually the wrong file, and a lab fixes it in one round.
 */
public final class CountTableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Problems listed at most, wherever an upload is checked. */
    public static final int MAX_LISTED = 50;

    /** The problems listed, then the count of the rest when there are more. */
    private final transient List<String> problems;

    /** How many problems were found in all. */
    private final int total;

    /**
     * @param problems every problem found, at least one
     */
    public CountTableException(final List<String> problems) {
        super(message(problems));
        this.total = problems.size();
        final List<String> listed =
                new ArrayList<>(problems.subList(0, Math.min(total, MAX_LISTED)));
        if (total > MAX_LISTED) {
            listed.add("... and %,d more problems".formatted(total - MAX_LISTED));
        }
        this.problems = List.copyOf(listed);
    }

    private static String message(final List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejected table needs at least one problem");
        }
        return problems.size() == 1
                ? problems.getFirst()
                : "%,d problems, first: %s".formatted(problems.size(), problems.getFirst());
    }

    /** The first {@value #MAX_LISTED} problems, then the count of the rest if there are more. */
    public List<String> problems() {
        return problems;
    }

    /** How many problems were found in all. */
    public int total() {
        return total;
    }
}
