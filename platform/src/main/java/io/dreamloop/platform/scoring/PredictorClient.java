package io.dreamloop.platform.scoring;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.platform.trace.TracedEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Request-reply scoring over Kafka. Long-lived: the answer topic's partitions are assigned once,
 * without a consumer group (no rebalance per request), positioned at their end, so each {@link
 * #score} costs only the round trip. Not thread-safe: one caller at a time.
 */
public final class PredictorClient implements AutoCloseable {

    /**
     * The answers to one request.
     *
     * @param modelVersions versions that answered (one, unless a swap happened mid-request)
     * @param predictions prediction per item id
     * @param errors error per item id that could not be scored
     * @param seconds from the first request sent to the last answer received
     */
    public record Result(
            Set<String> modelVersions,
            Map<String, Double> predictions,
            Map<String, String> errors,
            double seconds) {}

    private final EventCodec codec = EventCodec.instance();
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final String requestedBy;

    private PredictorClient(final Map<String, Object> connection, final String requestedBy) {
        this.requestedBy = requestedBy;
        final Map<String, Object> consumerSettings = new HashMap<>(connection);
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer =
                new KafkaConsumer<>(
                        consumerSettings, new StringDeserializer(), new ByteArrayDeserializer());
        final Map<String, Object> producerSettings = new HashMap<>(connection);
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producer =
                new KafkaProducer<>(
                        producerSettings, new StringSerializer(), new ByteArraySerializer());
        final List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.SCORES_COMPUTED, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any request
    }

    /**
     * Connects to the broker.
     *
     * @param bootstrap the broker
     * @param requestedBy who asks, recorded on every request
     */
    public static PredictorClient connect(final String bootstrap, final String requestedBy) {
        return connect(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Objects.requireNonNull(bootstrap, "bootstrap")),
                requestedBy);
    }

    /**
     * Connects to the broker with a service's connection settings (bootstrap, SASL, TLS: {@link
     * io.dreamloop.platform.messaging.KafkaConnection#settings()}).
     *
     * @param connection the client settings every client of the service shares
     * @param requestedBy who asks, recorded on every request
     */
    public static PredictorClient connect(
            final Map<String, Object> connection, final String requestedBy) {
        return new PredictorClient(
                Map.copyOf(Objects.requireNonNull(connection, "connection")),
                Objects.requireNonNull(requestedBy, "requestedBy"));
    }

    /**
     * Scores items with one model version.
     *
     * @param items the sequences, ids unique
     * @param modelVersion the version, or null for the predictor's champion
     * @param requestSize items per score-requested message
     * @param timeout how long to wait for every answer
     * @throws ScoringUnavailableException when not every chunk is answered in time
     */
    public Result score(
            final List<ScoreItem> items,
            final String modelVersion,
            final int requestSize,
            final Duration timeout) {
        if (requestSize < 1) {
            throw new IllegalArgumentException("requestSize must be >= 1, but was " + requestSize);
        }
        final UUID correlation = UUID.randomUUID();
        final int chunks = (items.size() + requestSize - 1) / requestSize;
        final long t0 = System.nanoTime();
        for (int c = 0; c < chunks; c++) {
            final ScoreRequested request =
                    TracedEvents.stamp(
                            new ScoreRequested(
                                    EventTypes.header(ScoreRequested.class, Lineage.NONE),
                                    correlation,
                                    requestedBy,
                                    modelVersion,
                                    new Chunk(c, chunks),
                                    new ArrayList<>(
                                            items.subList(
                                                    c * requestSize,
                                                    Math.min(
                                                            items.size(),
                                                            (c + 1) * requestSize)))));
            producer.send(
                    new ProducerRecord<>(
                            Topics.SCORE_REQUESTED, request.key(), codec.encode(request)));
        }
        producer.flush();
        final Set<Integer> answered = new HashSet<>();
        final Set<String> versions = new HashSet<>();
        final Map<String, Double> predictions = new LinkedHashMap<>(items.size() * 2);
        final Map<String, String> errors = new HashMap<>();
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (answered.size() < chunks) {
            if (System.nanoTime() > deadline) {
                throw new ScoringUnavailableException(
                        "only %d of %d score chunks answered within %s; is the predictor running with a champion model?"
                                .formatted(answered.size(), chunks, timeout));
            }
            for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                final ScoresComputed s = codec.decode(r.value(), ScoresComputed.class);
                if (s.correlationId().equals(correlation) && answered.add(s.chunk().index())) {
                    versions.add(s.modelVersion());
                    s.scores().forEach(x -> predictions.put(x.id(), x.prediction()));
                    s.errors().forEach(x -> errors.put(x.id(), x.reason()));
                }
            }
        }
        return new Result(versions, predictions, errors, (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
