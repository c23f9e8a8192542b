package io.dreamloop.designer;

import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoreResult;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.topic.ReplyPartition;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the predictor on the real broker: answers every score request sent after it started with
 * the GC fraction of each sequence, on the reply partition the request names as the predictor does
 * (the designer's client reads only that one), continuing the request's trace, and records the
 * trace ids of the requests it answered.
 */
final class ToyPredictor implements AutoCloseable {
    private final EventCodec codec = EventCodec.instance();
    private final Set<String> traces = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    ToyPredictor(final String bootstrap) {
        final KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        final List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.SCORE_REQUESTED, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> serve(consumer, bootstrap), "toy-predictor");
        thread.start();
    }

    /** Trace ids of the requests answered so far. */
    Set<String> traces() {
        return Set.copyOf(traces);
    }

    private void serve(final KafkaConsumer<String, byte[]> consumer, final String bootstrap) {
        try (consumer;
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(
                                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                                new StringSerializer(),
                                new ByteArraySerializer())) {
            while (running) {
                for (final ConsumerRecord<String, byte[]> r :
                        consumer.poll(Duration.ofMillis(50))) {
                    final ScoreRequested request = codec.decode(r.value(), ScoreRequested.class);
                    traces.add(String.valueOf(request.header().traceId()));
                    final ScoresComputed answer =
                            new ScoresComputed(
                                    EventTypes.header(
                                                    ScoresComputed.class,
                                                    request.header().lineage())
                                            .withTraceId(request.header().traceId()),
                                    request.correlationId(),
                                    "toy-gc",
                                    request.chunk(),
                                    request.items().stream()
                                            .map(
                                                    i ->
                                                            new ScoreResult(
                                                                    i.id(),
                                                                    gc(i.sequence().bases())))
                                            .toList(),
                                    List.of());
                    producer.send(
                            new ProducerRecord<>(
                                    Topics.SCORES_COMPUTED,
                                    replyPartition(r),
                                    answer.key(),
                                    codec.encode(answer)));
                }
                producer.flush();
            }
        }
    }

    /** The partition the request asks its answer on; null (the key's) when it names none. */
    private static Integer replyPartition(final ConsumerRecord<String, byte[]> request) {
        final Header header = request.headers().lastHeader(ReplyPartition.HEADER);
        return ReplyPartition.parse(header == null ? null : header.value())
                .map(ReplyPartition::partition)
                .orElse(null);
    }

    private static double gc(final String bases) {
        return bases.chars().filter(c -> c == 'G' || c == 'C').count() * 17.0 / bases.length();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
