package io.dreamloop.trainer.service;

import java.util.function.Supplier;

/**
 * A unit of work in a transaction of its own. The training units take this instead of calling
 * {@code QuarkusTransaction} so their tests run without a container ({@link QuarkusTransactions} is
 * the one the service runs with).
 */
public interface Transactions {
    /** Runs {@code work} in a new transaction and returns its result. */
    <T> T call(Supplier<T> work);

    /** Runs {@code work} in a new transaction. */
    default void run(final Runnable work) {
        call(
                () -> {
                    work.run();
                    return null;
                });
    }
}
