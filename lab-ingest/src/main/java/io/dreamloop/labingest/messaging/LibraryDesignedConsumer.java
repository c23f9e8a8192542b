package io.dreamloop.labingest.messaging;

import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.labingest.persistence.LibraryStore;
import io.dreamloop.labingest.service.InSilicoLab;
import io.dreamloop.platform.messaging.InboundEvents;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
        // The lab's sort continues the library's trace, which is current after the commit.
        inbound.apply(
                record,
                LibraryDesigned.class,
                libraries::store,
                (chunk, outcome) -> {
                    if (lab.enabled()) {
                        measureIfComplete(chunk);
                    }
                });
    }

    /**
     * Runs after the chunk's transaction has committed: the lab's run events are consumed on
     * another thread, which must find the library stored. A duplicate chunk gets here too, so a
     * library whose last chunk committed just before a crash is still measured; measuring again
     * publishes the same event ids, which consumers drop.
     */
    private void measureIfComplete(final LibraryDesigned chunk) {
        final String id = chunk.libraryId();
        try {
            QuarkusTransaction.requiringNew()
                    .run(
                            () -> {
                                if (libraries.status(id).map(s -> s.complete()).orElse(false)
                                        && !lab.measured(id)) {
                                    lab.measure(id, chunk.header().lineage());
                                }
                            });
        } catch (final RuntimeException e) {
            Log.errorf(e, "the in-silico lab could not measure library %s", id);
        }
    }
}
