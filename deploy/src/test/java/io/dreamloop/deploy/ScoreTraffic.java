package io.dreamloop.deploy;

import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.topic.ReplyPartition;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every score request and answer on the broker, read back from both topics, by request chunk
 * ({@code correlationId/chunk}): which requests have no answer, which were answered more than once,
 * and which answers are not on the reply partition their request named. Answers are read as the
 * designer reads them, committed only; those of aborted transactions are counted apart.
 *
 * @param requests the reply partition each request chunk named (-1 for none)
 * @param answerPartitions the partitions of each chunk's answers, one entry per answer
 * @param aborted answers on the topic that no transaction committed (a predictor killed mid-batch)
 */
record ScoreTraffic(
        Map<String, Integer> requests, Map<String, List<Integer>> answerPartitions, long aborted) {

    ScoreTraffic {
        requests = Map.copyOf(requests);
        answerPartitions = Map.copyOf(answerPartitions);
    }

    /** Reads both topics from their beginning to their current end. */
    static ScoreTraffic read(final String bootstrap) {
        final EventCodec codec = EventCodec.instance();
        final Map<String, Integer> requests = new HashMap<>();
        readAll(
                bootstrap,
                Topics.SCORE_REQUESTED,
                IsolationLevel.READ_COMMITTED,
                r -> {
                    final ScoreRequested request = codec.decode(r.value(), ScoreRequested.class);
                    final Header header = r.headers().lastHeader(ReplyPartition.HEADER);
                    final int reply =
                            ReplyPartition.parse(header == null ? null : header.value())
                                    .map(ReplyPartition::partition)
                                    .orElse(-1);
                    requests.put(
                            key(request.correlationId().toString(), request.chunk().index()),
                            reply);
                });
        final Map<String, List<Integer>> answers = new HashMap<>();
        readAll(
                bootstrap,
                Topics.SCORES_COMPUTED,
                IsolationLevel.READ_COMMITTED,
                r -> {
                    final ScoresComputed answer = codec.decode(r.value(), ScoresComputed.class);
                    answers.computeIfAbsent(
                                    key(answer.correlationId().toString(), answer.chunk().index()),
                                    k -> new ArrayList<>())
                            .add(r.partition());
                });
        final long[] all = {0};
        readAll(bootstrap, Topics.SCORES_COMPUTED, IsolationLevel.READ_UNCOMMITTED, r -> all[0]++);
        final ScoreTraffic committed = new ScoreTraffic(requests, answers, 0);
        return new ScoreTraffic(requests, answers, all[0] - committed.answers());
    }

    /** Answers in all. */
    long answers() {
        return answerPartitions.values().stream().mapToLong(List::size).sum();
    }

    /** Request chunks without an answer. */
    Set<String> lost() {
        final Set<String> lost = new TreeSet<>(requests.keySet());
        lost.removeAll(answerPartitions.keySet());
        return lost;
    }

    /** Request chunks answered more than once. */
    Set<String> duplicates() {
        final Set<String> twice = new TreeSet<>();
        answerPartitions.forEach(
                (k, partitions) -> {
                    if (partitions.size() > 1) {
                        twice.add(k);
                    }
                });
        return twice;
    }

    /** Request chunks with an answer off the partition the request named. */
    Set<String> misrouted() {
        final Set<String> off = new TreeSet<>();
        requests.forEach(
                (k, reply) -> {
                    if (reply >= 0
                            && answerPartitions.getOrDefault(k, List.of()).stream()
                                    .anyMatch(p -> p != reply)) {
                        off.add(k);
                    }
                });
        return off;
    }

    private static String key(final String correlationId, final int chunk) {
        return correlationId + "/" + chunk;
    }

    private static void readAll(
            final String bootstrap,
            final String topic,
            final IsolationLevel isolation,
            final Consumer<ConsumerRecord<String, byte[]>> each) {
        final Map<String, Object> settings =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        isolation.toString());
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }
}
