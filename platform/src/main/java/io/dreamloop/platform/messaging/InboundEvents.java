package io.dreamloop.platform.messaging;

import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.contracts.wire.MalformedEventException;
import io.dreamloop.platform.config.PlatformConfig;
import io.dreamloop.platform.inbox.Inbox;
import io.dreamloop.platform.trace.TraceContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies consumed records at most once each and dead-letters what cannot be applied.
 *
 * <p>For each record: decode it as the topic's event type (malformed → dead letter); in one
 * transaction, skip it if its event id is in the inbox, else run the handler and record the id (so
 * the effect and the inbox row commit together); a {@link RejectedEventException} from the handler
 * dead-letters the record at once; any other failure is retried with back-off up to the configured
 * attempts, then dead-lettered. The consumer never stops on a bad record. The event's trace is
 * current while it is applied ({@link TraceContext#continueFrom}).
 */
@ApplicationScoped
public class InboundEvents {
    private final Inbox inbox;
    private final EventPublisher publisher;
    private final PlatformConfig config;
    private final EventMetrics metrics;
    private final EventCodec codec = EventCodec.instance();

    @Inject
    public InboundEvents(
            final Inbox inbox,
            final EventPublisher publisher,
            final PlatformConfig config,
            final EventMetrics metrics) {
        this.inbox = inbox;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Applies one record.
     *
     * @param record the consumed record (value = the encoded event)
     * @param type the event type the topic carries
     * @param handler the effect; runs inside the transaction that records the event id
     */
    public <E extends Event> Outcome apply(
            final ConsumerRecord<String, byte[]> record,
            final Class<E> type,
            final Consumer<E> handler) {
        return apply(record, type, handler, (event, outcome) -> {});
    }

    /**
     * Applies one record, then, after its transaction has committed and with its trace current,
     * runs {@code afterCommit} with the event decoded once, when the record was applied or was a
     * duplicate (a redelivery after a crash between the commit and the follow-up gets here too);
     * not when it was dead-lettered.
     *
     * @param afterCommit the follow-up, e.g. starting work that must read what the handler stored
     */
    public <E extends Event> Outcome apply(
            final ConsumerRecord<String, byte[]> record,
            final Class<E> type,
            final Consumer<E> handler,
            final BiConsumer<E, Outcome> afterCommit) {
        final E event;
        try {
            event = codec.decode(record.value(), type);
        } catch (final MalformedEventException e) {
            return deadLetter(record, "malformed: " + e.getMessage());
        }
        // The handler's log lines and the events it publishes (dead letters too) carry the trace.
        try (TraceContext.Scope trace = TraceContext.continueFrom(event.header())) {
            final Outcome outcome = applyDecoded(record, event, handler);
            if (outcome != Outcome.DEAD_LETTERED) {
                afterCommit.accept(event, outcome);
            }
            return outcome;
        }
    }

    private <E extends Event> Outcome applyDecoded(
            final ConsumerRecord<String, byte[]> record, final E event, final Consumer<E> handler) {
        final int attempts = Math.max(1, config.messaging().maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                final boolean applied =
                        QuarkusTransaction.requiringNew()
                                .call(
                                        () -> {
                                            if (inbox.seen(event.header().eventId())) {
                                                return false;
                                            }
                                            handler.accept(event);
                                            inbox.record(event.header(), record.topic());
                                            return true;
                                        });
                if (!applied) {
                    Log.infof(
                            "duplicate %s %s from %s-%d@%d skipped",
                            event.header().type(),
                            event.header().eventId(),
                            record.topic(),
                            record.partition(),
                            record.offset());
                    metrics.consumed(record.topic(), Outcome.DUPLICATE);
                    return Outcome.DUPLICATE;
                }
                metrics.consumed(record.topic(), Outcome.APPLIED);
                return Outcome.APPLIED;
            } catch (final RejectedEventException e) {
                return deadLetter(record, "rejected: " + e.getMessage());
            } catch (final RuntimeException e) {
                final Throwable cause = rootCause(e);
                if (cause instanceof RejectedEventException rejected) {
                    return deadLetter(record, "rejected: " + rejected.getMessage());
                }
                if (cause instanceof IllegalArgumentException invalid) {
                    return deadLetter(record, "invalid: " + invalid.getMessage());
                }
                if (attempt >= attempts) {
                    return deadLetter(
                            record,
                            "failed after %d attempts: %s".formatted(attempts, describe(cause)));
                }
                Log.warnf(
                        "attempt %d of %d to apply %s failed, retrying: %s",
                        attempt, attempts, event.header().eventId(), describe(cause));
                pause(config.messaging().retryBackoff().toMillis() << (attempt - 1));
            }
        }
    }

    /**
     * Decodes a record for a consumer that applies records in batches; a malformed record is
     * dead-lettered and yields empty.
     */
    public <E extends Event> Optional<E> decode(
            final ConsumerRecord<String, byte[]> record, final Class<E> type) {
        try {
            return Optional.of(codec.decode(record.value(), type));
        } catch (final MalformedEventException e) {
            deadLetter(record, "malformed: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Dead-letters a well-formed record this service cannot apply. */
    public void reject(final ConsumerRecord<String, byte[]> record, final String reason) {
        deadLetter(record, "rejected: " + reason);
    }

    private Outcome deadLetter(final ConsumerRecord<String, byte[]> record, final String reason) {
        final String payload =
                record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        Log.warnf(
                "dead-lettering %s-%d@%d: %s",
                record.topic(), record.partition(), record.offset(), reason);
        publisher.publish(
                Topics.DEAD_LETTER,
                DeadLetter.of(
                        config.service(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.key(),
                        reason,
                        payload));
        metrics.consumed(record.topic(), Outcome.DEAD_LETTERED);
        return Outcome.DEAD_LETTERED;
    }

    private static Throwable rootCause(final Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof RejectedEventException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    private static String describe(final Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Waits before a retry; an interrupt ends the retries (the service is stopping). */
    static void pause(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
