package io.dreamloop.predictor.client;

import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.contracts.wire.MalformedEventException;
import io.dreamloop.platform.messaging.EventMetrics;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.platform.messaging.Outcome;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the client leaves to the service that runs it: decoding an answer (and dead-lettering it
 * when it cannot be decoded) and counting what it sends and takes. A Quarkus service passes its
 * platform beans ({@link #platform}); a command-line tool without them uses {@link #standalone}.
 */
public interface ClientHooks {

    /** The answer in a record; empty when it cannot be decoded (and was dealt with). */
    Optional<ScoresComputed> decode(ConsumerRecord<String, byte[]> record);

    /** One request chunk sent to {@code topic}. */
    void published(String topic);

    /** One answer of this client's taken from {@code topic}. */
    void consumed(String topic);

    /**
     * The platform's way: an undecodable answer goes to the dead-letter topic with its reason
     * ({@link InboundEvents#decode}), and requests and answers are counted in {@link EventMetrics}
     * as every consumer's and publisher's events are.
     */
    static ClientHooks platform(final InboundEvents inbound, final EventMetrics metrics) {
        return new ClientHooks() {
            @Override
            public Optional<ScoresComputed> decode(final ConsumerRecord<String, byte[]> record) {
                return inbound.decode(record, ScoresComputed.class);
            }

            @Override
            public void published(final String topic) {
                metrics.published(topic);
            }

            @Override
            public void consumed(final String topic) {
                metrics.consumed(topic, Outcome.APPLIED);
            }
        };
    }

    /**
     * For tools without a service around them (the benchmarks, the main job): an undecodable answer
     * is logged and skipped, nothing is counted.
     */
    static ClientHooks standalone() {
        final System.Logger log = System.getLogger(PredictorClient.class.getName());
        return new ClientHooks() {
            @Override
            public Optional<ScoresComputed> decode(final ConsumerRecord<String, byte[]> record) {
                try {
                    return Optional.of(
                            EventCodec.instance().decode(record.value(), ScoresComputed.class));
                } catch (final MalformedEventException e) {
                    log.log(
                            System.Logger.Level.WARNING,
                            "skipping malformed answer at {0}-{1}@{2}: {3}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            e.getMessage());
                    return Optional.empty();
                }
            }

            @Override
            public void published(final String topic) {}

            @Override
            public void consumed(final String topic) {}
        };
    }
}
