package io.dreamloop.platform.inbox;

import io.dreamloop.contracts.event.EventHeader;
import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Records applied event ids; call inside the transaction that applies the event. */
@ApplicationScoped
public class Inbox {
    private final Database database;

    @Inject
    public Inbox(final Database database) {
        this.database = database;
    }

    public boolean seen(final UUID eventId) {
        return database.em().find(ProcessedEvent.class, eventId) != null;
    }

    public void record(final EventHeader header, final String topic) {
        database.em().persist(new ProcessedEvent(header.eventId(), header.type(), topic));
    }

    /** Number of applied events, for health pages and tests. */
    public long count() {
        return database.em()
                .createQuery("select count(p) from ProcessedEvent p", Long.class)
                .getSingleResult();
    }
}
