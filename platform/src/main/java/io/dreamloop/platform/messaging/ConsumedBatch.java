package io.dreamloop.platform.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records a member of a consumer group answers together, and the offsets that mark them consumed.
 *
 * @param group the group generation the offsets are committed in; null when no partition is held
 * @param records the records, in the order they were polled
 */
public record ConsumedBatch<K, V>(ConsumerGroupMetadata group, List<ConsumerRecord<K, V>> records) {
    public ConsumedBatch {
        records = List.copyOf(records);
        if (!records.isEmpty()) {
            Objects.requireNonNull(group, "group of a batch with records");
        }
    }

    /** True when nothing is left to answer. */
    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** For each partition, the offset after its last record: where its next reader starts. */
    public Map<TopicPartition, OffsetAndMetadata> offsets() {
        final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (final ConsumerRecord<K, V> record : records) {
            next.merge(
                    new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return Map.copyOf(next);
    }
}
