package io.dreamloop.trainer.messaging;

import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.trainer.service.ServedChampions;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns which champion the predictor serves, whoever published it (this trainer, an import into
 * the predictor), so that a new version is compared with that one.
 */
@ApplicationScoped
public class ModelPublishedConsumer {
    /** The channel, bound to {@code dreamloop.model-published} in application.properties. */
    public static final String CHANNEL = "model-published";

    private final InboundEvents inbound;
    private final ServedChampions served;

    @Inject
    public ModelPublishedConsumer(final InboundEvents inbound, final ServedChampions served) {
        this.inbound = inbound;
        this.served = served;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, ModelPublished.class, served::record);
    }
}
