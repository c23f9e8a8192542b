package io.dreamloop.trainer.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** {@link Transactions} on Narayana: each unit of work requires a new transaction. */
@ApplicationScoped
public class QuarkusTransactions implements Transactions {
    @Override
    public <T> T call(final Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
