package io.dreamloop.labingest.messaging;

import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.labingest.persistence.LibraryStore;
import io.dreamloop.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Stores the libraries the designer publishes. */
@ApplicationScoped
public class LibraryDesignedConsumer {
    /** The channel, bound to {@code dreamloop.library-designed} in application.properties. */
    public static final String CHANNEL = "library-designed";

    private final InboundEvents inbound;
    private final LibraryStore libraries;

    @Inject
    public LibraryDesignedConsumer(final InboundEvents inbound, final LibraryStore libraries) {
        this.inbound = inbound;
        this.libraries = libraries;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, LibraryDesigned.class, libraries::store);
    }
}
