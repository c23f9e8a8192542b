package io.dreamloop.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for long work by asking again and again, as the services report progress over HTTP. */
final class Poll {
    private Poll() {}

    /**
     * Asks {@code fetch} every {@code every} until it answers something {@code done} accepts.
     *
     * @param what the work, for the timeout message
     * @param seen called with every answer (to draw progress)
     * @return the first answer {@code done} accepts
     * @throws IllegalStateException after {@code timeout}
     */
    static <T> T until(
            final String what,
            final Supplier<Optional<T>> fetch,
            final Predicate<T> done,
            final Consumer<Optional<T>> seen,
            final Duration every,
            final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            final Optional<T> answer = fetch.get();
            seen.accept(answer);
            if (answer.isPresent() && done.test(answer.get())) {
                return answer.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "%s did not finish within %s; it goes on in the services: look again later"
                                .formatted(what, humanize(timeout)));
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    static String humanize(final Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
