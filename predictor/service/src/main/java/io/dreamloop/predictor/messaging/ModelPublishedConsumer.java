package io.dreamloop.predictor.messaging;

import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.predictor.persistence.ModelRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Registers the model versions the trainer publishes. */
@ApplicationScoped
public class ModelPublishedConsumer {
    /** The channel, bound to {@code dreamloop.model-published} in application.properties. */
    public static final String CHANNEL = "model-published";

    private final InboundEvents inbound;
    private final ModelRegistry registry;

    @Inject
    public ModelPublishedConsumer(final InboundEvents inbound, final ModelRegistry registry) {
        this.inbound = inbound;
        this.registry = registry;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, ModelPublished.class, registry::register);
    }
}
