package io.dreamloop.trainer.messaging;

import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.platform.messaging.Outcome;
import io.dreamloop.platform.trace.TraceContext;
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
                inbound.apply(record, MeasurementsRecorded.class, measurements::add);
        if (outcome == Outcome.DEAD_LETTERED) {
            training.maybeStartAfterNewMeasurements();
            return;
        }
        final MeasurementsRecorded chunk =
                EventCodec.instance().decode(record.value(), MeasurementsRecorded.class);
        // A run started here continues the trace of the chunk that started it.
        try (TraceContext.Scope trace = TraceContext.continueFrom(chunk.header())) {
            // After the commit, so a run started now reads these measurements.
            training.maybeStartAfterNewMeasurements();
            // A duplicate too: if the process died between the commit and this call, the
            // redelivered last chunk still starts the campaign cycle's training (starting is
            // idempotent).
            training.afterMeasurements(chunk);
        }
    }
}
