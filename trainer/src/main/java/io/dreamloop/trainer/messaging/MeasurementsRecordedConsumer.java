package io.dreamloop.trainer.messaging;

import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.platform.messaging.Outcome;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.service.TrainingService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Adds every recorded measurement to the dataset. */
@ApplicationScoped
public class MeasurementsRecordedConsumer {
    /** The channel, bound to {@code dreamloop.measurements-recorded} in application.properties. */
    public static final String CHANNEL = "measurements-recorded";

    private final InboundEvents inbound;
    private final MeasurementStore measurements;
    private final TrainingService training;

    @Inject
    public MeasurementsRecordedConsumer(
            final InboundEvents inbound,
            final MeasurementStore measurements,
            final TrainingService training) {
        this.inbound = inbound;
        this.measurements = measurements;
        this.training = training;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecord<String, byte[]> record) {
        final Outcome outcome =
                inbound.apply(
                        record,
                        MeasurementsRecorded.class,
                        measurements::add,
                        // After the commit, with the chunk's trace current, so a run started now
                        // reads these measurements and continues that trace. A duplicate too: if
                        // the process died between the commit and this call, the redelivered last
                        // chunk still starts the campaign cycle's training (starting is
                        // idempotent).
                        (chunk, applied) -> {
                            training.maybeStartAfterNewMeasurements();
                            training.afterMeasurements(chunk);
                        });
        if (outcome == Outcome.DEAD_LETTERED) {
            training.maybeStartAfterNewMeasurements();
        }
    }
}
