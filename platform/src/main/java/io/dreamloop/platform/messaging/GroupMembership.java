package io.dreamloop.platform.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer's place in its group, for a channel whose offsets are committed in the transaction
 * that publishes what its records produced ({@link TransactionalPublisher}): the group generation
 * and the partitions assigned in it, and how far this member has committed each partition.
 *
 * <p>Register it as the channel's rebalance listener ({@code consumer-rebalance-listener.name}):
 * its callbacks run on the channel's polling thread, {@link #admit} and {@link #committed} on the
 * thread that processes batches. {@link #admit} keeps the records this member may still answer: a
 * batch polled before a rebalance can reach the processing thread after it, and then holds records
 * of partitions another member now owns (they are left to it) or records this member had committed
 * before the partition was handed back to it and re-read (they were answered).
 */
public class GroupMembership implements KafkaConsumerRebalanceListener {
    private Generation current = Generation.NONE;
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    @Override
    public synchronized void onPartitionsAssigned(
            final Consumer<?, ?> consumer, final Collection<TopicPartition> partitions) {
        current = new Generation(consumer.groupMetadata(), Set.copyOf(consumer.assignment()));
    }

    @Override
    public synchronized void onPartitionsRevoked(
            final Consumer<?, ?> consumer, final Collection<TopicPartition> partitions) {
        current = current.without(partitions);
    }

    @Override
    public synchronized void onPartitionsLost(
            final Consumer<?, ?> consumer, final Collection<TopicPartition> partitions) {
        current = current.without(partitions);
    }

    /**
     * The records of a poll this member may answer, with the generation they are committed in.
     *
     * @param records the records in the order they were polled
     */
    public synchronized <K, V> ConsumedBatch<K, V> admit(
            final Iterable<ConsumerRecord<K, V>> records) {
        final List<ConsumerRecord<K, V>> admitted = new ArrayList<>();
        for (final ConsumerRecord<K, V> record : records) {
            final TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (current.assigned().contains(partition)
                    && record.offset() >= committed.getOrDefault(partition, 0L)) {
                admitted.add(record);
            }
        }
        return new ConsumedBatch<>(current.group(), admitted);
    }

    /** Records that a batch's transaction committed: its records are not answered again here. */
    public synchronized void committed(final ConsumedBatch<?, ?> batch) {
        batch.offsets()
                .forEach((partition, next) -> committed.merge(partition, next.offset(), Math::max));
    }

    /** The generation's group metadata and the partitions this member holds in it. */
    private record Generation(ConsumerGroupMetadata group, Set<TopicPartition> assigned) {
        static final Generation NONE = new Generation(null, Set.of());

        Generation without(final Collection<TopicPartition> revoked) {
            final Set<TopicPartition> kept = new HashSet<>(assigned);
            kept.removeAll(revoked);
            return new Generation(group, Set.copyOf(kept));
        }
    }
}
