package io.dreamloop.predictor.messaging;

import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.platform.messaging.RejectedEventException;
import io.dreamloop.predictor.persistence.ModelRegistry;
import io.dreamloop.predictor.scoring.ScorerPool;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Registers the model versions the trainer (or an import) publishes, and hot-swaps to a new
 * champion once its artifact is loaded and verified.
 */
@ApplicationScoped
public class ModelPublishedConsumer {
    /** The channel, bound to {@code dreamloop.model-published} in application.properties. */
    public static final String CHANNEL = "model-published";

    private final InboundEvents inbound;
    private final ModelRegistry registry;
    private final ScorerPool scorers;

    @Inject
    public ModelPublishedConsumer(
            final InboundEvents inbound, final ModelRegistry registry, final ScorerPool scorers) {
        this.inbound = inbound;
        this.registry = registry;
        this.scorers = scorers;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, ModelPublished.class, this::apply);
    }

    private void apply(final ModelPublished event) {
        registry.register(event);
        if (event.champion()) {
            try {
                scorers.load(event.modelVersion(), event.artifactSha256(), event.artifactUri());
            } catch (final RuntimeException e) {
                throw new RejectedEventException(
                        "model %s cannot be loaded: %s"
                                .formatted(event.modelVersion(), e.getMessage()));
            }
            scorers.promote(event.modelVersion());
        }
    }
}
