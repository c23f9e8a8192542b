package io.dreamloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupMembershipTest {
    private static final String TOPIC = "requests";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final Member consumer = new Member();
    private final GroupMembership membership = new GroupMembership();

    @Test
    void aBatchCarriesTheGenerationItsPartitionsAreHeldIn() {
        consumer.join(1, P0, P1);
        membership.onPartitionsAssigned(consumer, Set.of(P0, P1));
        consumer.join(2, P0);
        membership.onPartitionsRevoked(consumer, Set.of(P0, P1));
        membership.onPartitionsAssigned(consumer, Set.of(P0));

        final ConsumedBatch<String, String> batch = membership.admit(List.of(record(P0, 7)));

        assertThat(batch.group().generationId()).isEqualTo(2);
        assertThat(batch.records()).extracting(ConsumerRecord::offset).containsExactly(7L);
    }

    @Test
    void recordsOfPartitionsHeldElsewhereAreLeftToTheirOwner() {
        consumer.join(1, P0);
        membership.onPartitionsAssigned(consumer, Set.of(P0));

        final ConsumedBatch<String, String> batch =
                membership.admit(List.of(record(P0, 3), record(P1, 3), record(P0, 4)));

        assertThat(batch.records())
                .extracting(r -> r.partition() + "@" + r.offset())
                .containsExactly("0@3", "0@4");
        assertThat(batch.offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5)));
    }

    @Test
    void nothingIsAdmittedBetweenARevocationAndTheNextAssignment() {
        consumer.join(1, P0, P1);
        membership.onPartitionsAssigned(consumer, Set.of(P0, P1));
        membership.onPartitionsRevoked(consumer, Set.of(P0, P1));

        assertThat(membership.admit(List.of(record(P0, 1), record(P1, 1))).isEmpty()).isTrue();
    }

    @Test
    void aLostPartitionIsNoLongerAnswered() {
        consumer.join(1, P0, P1);
        membership.onPartitionsAssigned(consumer, Set.of(P0, P1));
        membership.onPartitionsLost(consumer, Set.of(P1));

        assertThat(membership.admit(List.of(record(P0, 1), record(P1, 1))).records())
                .extracting(ConsumerRecord::partition)
                .containsExactly(0);
    }

    /**
     * A partition handed back to this member after a rebalance is re-read from the group's
     * committed offset; records this member committed in the meantime, from a batch polled before
     * the rebalance, are not answered again.
     */
    @Test
    void recordsThisMemberCommittedAreNotAnsweredAgainWhenReRead() {
        consumer.join(1, P0);
        membership.onPartitionsAssigned(consumer, Set.of(P0));
        final ConsumedBatch<String, String> first =
                membership.admit(List.of(record(P0, 10), record(P0, 11)));
        membership.committed(first);

        final ConsumedBatch<String, String> reRead =
                membership.admit(List.of(record(P0, 10), record(P0, 11), record(P0, 12)));

        assertThat(reRead.records()).extracting(ConsumerRecord::offset).containsExactly(12L);
    }

    @Test
    void offsetsPointPastTheLastRecordOfEachPartition() {
        final ConsumedBatch<String, String> batch =
                new ConsumedBatch<>(
                        new ConsumerGroupMetadata("g"),
                        List.of(record(P1, 5), record(P0, 2), record(P1, 9), record(P1, 6)));

        assertThat(batch.offsets())
                .isEqualTo(Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(10)));
    }

    private static ConsumerRecord<String, String> record(
            final TopicPartition partition, final long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "k", "v");
    }

    /** A consumer whose generation and assignment the test sets, as a rebalance would. */
    private static final class Member extends MockConsumer<String, String> {
        private ConsumerGroupMetadata metadata = new ConsumerGroupMetadata("g");

        Member() {
            super("earliest");
        }

        void join(final int generation, final TopicPartition... partitions) {
            metadata = new ConsumerGroupMetadata("g", generation, "member-1", Optional.empty());
            assign(List.of(partitions));
        }

        @Override
        public ConsumerGroupMetadata groupMetadata() {
            return metadata;
        }
    }
}
