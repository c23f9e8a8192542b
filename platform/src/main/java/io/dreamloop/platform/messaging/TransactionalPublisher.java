package io.dreamloop.platform.messaging;

import io.dreamloop.platform.config.PlatformConfig;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what a batch of consumed records produced and commits the records' offsets in one Kafka
 * transaction, so that the events appear to read_committed readers exactly when the records count
 * as consumed: an instance that dies mid-batch leaves neither, and the member that takes its
 * partitions over answers them once (exactly-once consume-publish, KIP-98 and KIP-447).
 *
 * <p>A transaction the group rejects (the batch was polled in a generation that has ended; its
 * partitions' new owner re-reads them) is {@link Result#FENCED}; any other failure (the broker
 * restarting) is aborted and retried with back-off for the configured send timeout. Each instance
 * has its own transactional id: fencing between members comes from the group generation, not the
 * id. The producer is created on first use, so a service that never publishes this way opens no
 * connection.
 */
@ApplicationScoped
public class TransactionalPublisher {
    /** How a batch's transaction ended. */
    public enum Result {
        /** The events are published and the records' offsets committed. */
        COMMITTED,
        /** The group moved on before the commit; nothing was published or committed. */
        FENCED
    }

    private final KafkaConnection connection;
    private final PlatformConfig config;
    private final EventMetrics metrics;
    private final String transactionalId;
    private KafkaProducer<String, byte[]> producer;

    @Inject
    public TransactionalPublisher(
            final KafkaConnection connection,
            final PlatformConfig config,
            final EventMetrics metrics) {
        this.connection = connection;
        this.config = config;
        this.metrics = metrics;
        this.transactionalId = "dreamloop-" + config.service() + "-" + UUID.randomUUID();
    }

    /**
     * Publishes events, each to its own partition or its key's, and commits the batch's offsets,
     * atomically.
     *
     * @throws IllegalArgumentException when the topic carries another event type
     * @throws IllegalStateException when no transaction commits within the send timeout
     * @throws UncertainCommitException when a commit was sent but never confirmed: whether the
     *     answers were published is unknown, and the consumer must stop rather than answer again
     */
    public synchronized Result publish(
            final String topic, final List<Outgoing> events, final ConsumedBatch<?, ?> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("a transaction commits the offsets of its records");
        }
        final List<ProducerRecord<String, byte[]>> records =
                events.stream().map(e -> EventRecords.of(topic, e)).toList();
        final long deadline = System.nanoTime() + config.messaging().sendTimeout().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                commit(records, batch, deadline);
                records.forEach(r -> metrics.published(topic));
                return Result.COMMITTED;
            } catch (final KafkaException | IllegalStateException e) {
                abort();
                if (fencedByGroup(e)) {
                    Log.infof(
                            "transaction of %d records fenced by the group: %s", records.size(), e);
                    return Result.FENCED;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "no transaction committed in %d attempts: %s".formatted(attempt, e), e);
                }
                Log.warnf("transaction attempt %d failed, retrying: %s", attempt, e);
                InboundEvents.pause(
                        config.messaging().retryBackoff().toMillis() << Math.min(attempt - 1, 4));
            }
        }
    }

    private void commit(
            final List<ProducerRecord<String, byte[]>> records,
            final ConsumedBatch<?, ?> batch,
            final long deadline) {
        final KafkaProducer<String, byte[]> open = producer();
        open.beginTransaction();
        records.forEach(open::send); // a failed send fails the commit
        open.sendOffsetsToTransaction(batch.offsets(), batch.group());
        for (int attempt = 1; ; attempt++) {
            try {
                open.commitTransaction();
                return;
            } catch (final TimeoutException e) {
                // The outcome is unknown: the commit may have gone through, so the batch must not
                // be sent again in a new transaction; the same commit is retried, as Kafka asks.
                if (System.nanoTime() > deadline) {
                    throw new UncertainCommitException(attempt, e);
                }
            }
        }
    }

    /** A commit whose outcome the broker never confirmed; retrying the batch could repeat it. */
    public static final class UncertainCommitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncertainCommitException(final int attempts, final TimeoutException cause) {
            super(
                    "the commit of a transaction was not confirmed in %d attempts: %s"
                            .formatted(attempts, cause.getMessage()),
                    cause);
        }
    }

    /** Aborts the open transaction; a producer that cannot abort is replaced on the next try. */
    private void abort() {
        if (producer == null) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (final KafkaException | IllegalStateException e) {
            Log.warnf("replacing the transactional producer, which could not abort: %s", e);
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** True when the group coordinator refused the offsets: the batch's generation has ended. */
    static boolean fencedByGroup(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommitFailedException
                    || t instanceof IllegalGenerationException
                    || t instanceof UnknownMemberIdException
                    || t instanceof FencedInstanceIdException
                    || t instanceof RebalanceInProgressException) {
                return true;
            }
        }
        return false;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            final KafkaProducer<String, byte[]> created =
                    new KafkaProducer<>(
                            settings(), new StringSerializer(), new ByteArraySerializer());
            try {
                created.initTransactions();
            } catch (final KafkaException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private Map<String, Object> settings() {
        final Map<String, Object> settings =
                ProducerSettings.common(connection, config, "transactional");
        final int sendTimeout = (int) config.messaging().sendTimeout().toMillis();
        settings.putAll(
                Map.of(
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        transactionalId,
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        (int) config.messaging().transactionTimeout().toMillis(),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        Math.min(15_000, sendTimeout),
                        // a blocked begin, offsets or commit call gives up within the send timeout
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        sendTimeout));
        return settings;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
