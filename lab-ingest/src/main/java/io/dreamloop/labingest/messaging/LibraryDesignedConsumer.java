package io.dreamloop.labingest.messaging;

import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.labingest.persistence.LibraryStore;
import io.dreamloop.labingest.service.InSilicoLab;
import io.dreamloop.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Stores the libraries the designer publishes; the in-silico lab, when on, measures each. */
@ApplicationScoped
public class LibraryDesignedConsumer {
    /** The channel, bound to {@code dreamloop.library-designed} in application.properties. */
    public static final String CHANNEL = "library-designed";

    private final InboundEvents inbound;
    private final LibraryStore libraries;
    private final InSilicoLab lab;

    @Inject
    public LibraryDesignedConsumer(
            final InboundEvents inbound, final LibraryStore libraries, final InSilicoLab lab) {
        this.inbound = inbound;
        this.libraries = libraries;
        this.lab = lab;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, LibraryDesigned.class, this::store);
    }

    private void store(final LibraryDesigned chunk) {
        if (libraries.store(chunk)
                && lab.enabled()
                && libraries.status(chunk.libraryId()).map(s -> s.complete()).orElse(false)) {
            lab.measure(chunk.libraryId(), chunk.header().lineage());
        }
    }
}
