package io.dreamloop.deploy;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Request-reply scoring over Kafka, as a client of the predictor: score-requested in chunks under
 * one correlation id, answers collected from scores-computed until every chunk is back.
 */
public final class KafkaScoring {

    /**
     * The answers.
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

    private KafkaScoring() {}

    /**
     * Scores items over Kafka.
     *
     * @throws IllegalStateException when not every chunk is answered in time
     */
    public static Result score(
            final String bootstrap,
            final List<ScoreItem> items,
            final int requestSize,
            final Duration timeout) {
        final EventCodec codec = EventCodec.instance();
        final UUID correlation = UUID.randomUUID();
        final int chunks = (items.size() + requestSize - 1) / requestSize;
        try (KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(
                                Map.of(
                                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        bootstrap,
                                        ConsumerConfig.GROUP_ID_CONFIG,
                                        "client-" + correlation,
                                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                        "latest"),
                                new StringDeserializer(),
                                new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(
                                Map.of(
                                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        bootstrap,
                                        ProducerConfig.LINGER_MS_CONFIG,
                                        5),
                                new StringSerializer(),
                                new ByteArraySerializer())) {
            consumer.subscribe(List.of(Topics.SCORES_COMPUTED));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            final long t0 = System.nanoTime();
            for (int c = 0; c < chunks; c++) {
                final ScoreRequested request =
                        new ScoreRequested(
                                EventTypes.header(ScoreRequested.class, Lineage.NONE),
                                correlation,
                                "dreamloop-run",
                                null,
                                new Chunk(c, chunks),
                                new ArrayList<>(
                                        items.subList(
                                                c * requestSize,
                                                Math.min(items.size(), (c + 1) * requestSize))));
                producer.send(
                        new ProducerRecord<>(
                                Topics.SCORE_REQUESTED, request.key(), codec.encode(request)));
            }
            producer.flush();
            final Set<Integer> answered = new HashSet<>();
            final Set<String> versions = new HashSet<>();
            final Map<String, Double> predictions = new LinkedHashMap<>();
            final Map<String, String> errors = new LinkedHashMap<>();
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (answered.size() < chunks) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "only %d of %d score chunks answered within %s"
                                    .formatted(answered.size(), chunks, timeout));
                }
                for (final ConsumerRecord<String, byte[]> r :
                        consumer.poll(Duration.ofMillis(200))) {
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
    }
}
