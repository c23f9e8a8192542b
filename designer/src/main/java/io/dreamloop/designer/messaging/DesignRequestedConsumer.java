package io.dreamloop.designer.messaging;

import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.designer.service.DesignService;
import io.dreamloop.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Designs the library of every design request, from users or campaigns. */
@ApplicationScoped
public class DesignRequestedConsumer {
    /** The channel, bound to {@code dreamloop.design-requested} in application.properties. */
    public static final String CHANNEL = "design-requested";

    private final InboundEvents inbound;
    private final DesignService designs;

    @Inject
    public DesignRequestedConsumer(final InboundEvents inbound, final DesignService designs) {
        this.inbound = inbound;
        this.designs = designs;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, DesignRequested.class, designs::design);
    }
}
