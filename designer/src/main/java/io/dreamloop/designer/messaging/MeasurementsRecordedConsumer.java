package io.dreamloop.designer.messaging;

import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.designer.campaign.CampaignService;
import io.dreamloop.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps what design-goal campaigns measured, for their next cycles' GA starts. */
@ApplicationScoped
public class MeasurementsRecordedConsumer {
    /** The channel, bound to {@code dreamloop.measurements-recorded} in application.properties. */
    public static final String CHANNEL = "measurements-recorded";

    private final InboundEvents inbound;
    private final CampaignService campaigns;

    @Inject
    public MeasurementsRecordedConsumer(
            final InboundEvents inbound, final CampaignService campaigns) {
        this.inbound = inbound;
        this.campaigns = campaigns;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, MeasurementsRecorded.class, campaigns::onMeasurementsRecorded);
    }
}
