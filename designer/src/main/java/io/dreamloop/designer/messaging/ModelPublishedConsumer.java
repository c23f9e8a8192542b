package io.dreamloop.designer.messaging;

import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.designer.campaign.CampaignService;
import io.dreamloop.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Moves campaigns on as their cycles' models are published. */
@ApplicationScoped
public class ModelPublishedConsumer {
    /** The channel, bound to {@code dreamloop.model-published} in application.properties. */
    public static final String CHANNEL = "model-published";

    private final InboundEvents inbound;
    private final CampaignService campaigns;

    @Inject
    public ModelPublishedConsumer(final InboundEvents inbound, final CampaignService campaigns) {
        this.inbound = inbound;
        this.campaigns = campaigns;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, ModelPublished.class, campaigns::onModelPublished);
    }
}
