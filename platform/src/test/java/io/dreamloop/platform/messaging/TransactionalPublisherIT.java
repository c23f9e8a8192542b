package io.dreamloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.platform.config.PlatformConfig;
import io.dreamloop.testing.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once path on the real broker: two members of one group, a batch polled before the
 * second joined, and what its transaction leaves on the answer topic and in the group's offsets.
 */
class TransactionalPublisherIT {
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();
    private final String suffix = UUID.randomUUID().toString();
    private final String requests = "tx-requests-" + suffix;
    private final String answers = "tx-answers-" + suffix;
    private final String group = "tx-group-" + suffix;
    private final TopicPartition p0 = new TopicPartition(requests, 0);
    private final TopicPartition p1 = new TopicPartition(requests, 1);
    private final List<Member> members = new ArrayList<>();
    private TransactionalPublisher publisher;

    @BeforeEach
    void topicsWithTwoRequestsPerPartition() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(requests, 2, (short) 1),
                                    new NewTopic(answers, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", bootstrap),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (final TopicPartition p : List.of(p0, p1)) {
                for (int i = 0; i < 2; i++) {
                    producer.send(new ProducerRecord<>(requests, p.partition(), "k", "r" + i));
                }
            }
            producer.flush();
        }
        publisher = new TransactionalPublisher(connection(), config(), metrics());
    }

    @AfterEach
    void close() {
        members.forEach(m -> m.consumer.close(Duration.ofSeconds(5)));
        publisher.close();
    }

    @Test
    void aBatchPolledBeforeARebalanceIsFencedAndItsAnswersNeverAppear() {
        final Member first = join();
        final List<ConsumerRecord<String, String>> polled = pollUntil(first, 4);
        final ConsumedBatch<String, String> beforeRebalance = first.membership.admit(polled);
        assertThat(beforeRebalance.records()).hasSize(4);

        final Member second = join();
        rebalanceUntil(() -> first.held().size() == 1 && second.held().size() == 1, first, second);

        assertThat(publisher.publish(answers, answersTo(beforeRebalance), beforeRebalance))
                .isEqualTo(TransactionalPublisher.Result.FENCED);
        assertThat(committedAnswers()).as("answers of the fenced batch").isEmpty();
        assertThat(groupOffsets()).as("offsets of the fenced batch").isEmpty();
    }

    @Test
    void aBatchOfTheCurrentGenerationCommitsItsAnswersAndOffsetsTogether() {
        final Member only = join();
        final ConsumedBatch<String, String> batch = only.membership.admit(pollUntil(only, 4));

        assertThat(publisher.publish(answers, answersTo(batch), batch))
                .isEqualTo(TransactionalPublisher.Result.COMMITTED);
        only.membership.committed(batch);

        assertThat(committedAnswers()).hasSize(4);
        assertThat(groupOffsets())
                .isEqualTo(Map.of(p0, new OffsetAndMetadata(2), p1, new OffsetAndMetadata(2)));
        // Re-read after a rebalance that hands the partitions back: nothing is answered twice.
        assertThat(only.membership.admit(batch.records()).isEmpty()).isTrue();
    }

    private List<Outgoing> answersTo(final ConsumedBatch<String, String> batch) {
        return batch.records().stream()
                .map(
                        r ->
                                Outgoing.byKey(
                                        DeadLetter.of(
                                                "test",
                                                r.topic(),
                                                r.partition(),
                                                r.offset(),
                                                r.key(),
                                                "answer",
                                                r.value())))
                .toList();
    }

    /** The answers a read_committed reader sees. */
    private List<ConsumerRecord<String, String>> committedAnswers() {
        final TopicPartition partition = new TopicPartition(answers, 0);
        try (KafkaConsumer<String, String> reader =
                new KafkaConsumer<>(
                        Map.of(
                                "bootstrap.servers",
                                bootstrap,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                IsolationLevel.READ_COMMITTED.toString()),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            final long end = reader.endOffsets(List.of(partition)).get(partition);
            final List<ConsumerRecord<String, String>> read = new ArrayList<>();
            while (reader.position(partition) < end) {
                reader.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            return read;
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> groupOffsets() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        } catch (final Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Member join() {
        final Member member = new Member();
        members.add(member);
        member.consumer.subscribe(List.of(requests), member);
        return member;
    }

    private static List<ConsumerRecord<String, String>> pollUntil(
            final Member member, final int count) {
        final List<ConsumerRecord<String, String>> polled = new ArrayList<>();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (polled.size() < count && System.nanoTime() < deadline) {
            member.consumer.poll(Duration.ofMillis(200)).forEach(polled::add);
        }
        assertThat(polled).as("records polled").hasSize(count);
        return polled;
    }

    /** Polls every member (each takes part in the rebalance from its poll) until it is done. */
    private static void rebalanceUntil(final BooleanSupplier done, final Member... polling) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            for (final Member m : polling) {
                m.consumer.poll(Duration.ofMillis(100));
            }
        }
        assertThat(done.getAsBoolean()).as("rebalance done").isTrue();
    }

    private Map<String, Object> consumerSettings() {
        return Map.of(
                "bootstrap.servers",
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.toString());
    }

    private KafkaConnection connection() {
        return new KafkaConnection(Map.of("bootstrap.servers", bootstrap));
    }

    private static PlatformConfig config() {
        return new SmallRyeConfigBuilder()
                .withMapping(PlatformConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "200ms", as Quarkus
                .withSources(
                        new PropertiesConfigSource(
                                Map.of("dreamloop.platform.service", "test"), "test", 300))
                .build()
                .getConfigMapping(PlatformConfig.class);
    }

    private static EventMetrics metrics() {
        return new EventMetrics(new SimpleMeterRegistry());
    }

    /** A group member with its membership, which the consumer's rebalances keep up to date. */
    private final class Member implements ConsumerRebalanceListener {
        final KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        consumerSettings(), new StringDeserializer(), new StringDeserializer());
        final GroupMembership membership = new GroupMembership();

        Set<TopicPartition> held() {
            return consumer.assignment();
        }

        @Override
        public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
            membership.onPartitionsAssigned(consumer, partitions);
        }

        @Override
        public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
            membership.onPartitionsRevoked(consumer, partitions);
        }

        @Override
        public void onPartitionsLost(final Collection<TopicPartition> partitions) {
            membership.onPartitionsLost(consumer, partitions);
        }
    }
}
