package io.dreamloop.labingest.messaging;

import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.labingest.service.RunIngest;
import io.dreamloop.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Stores sort-seq runs as they arrive and estimates expression when a run is complete. */
@ApplicationScoped
public class SortSeqRunConsumer {
    /** The channel, bound to {@code dreamloop.sortseq-run-submitted} in application.properties. */
    public static final String CHANNEL = "sortseq-run-submitted";

    private final InboundEvents inbound;
    private final RunIngest runs;

    @Inject
    public SortSeqRunConsumer(final InboundEvents inbound, final RunIngest runs) {
        this.inbound = inbound;
        this.runs = runs;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, SortSeqRunSubmitted.class, runs::apply);
    }
}
