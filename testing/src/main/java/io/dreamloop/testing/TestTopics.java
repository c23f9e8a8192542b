package io.dreamloop.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Raw produce and consume against the real broker, for tests that play another service. */
public final class TestTopics {
    private TestTopics() {}

    /** Sends raw records in order and waits for every acknowledgement. */
    public static void produce(
            final String bootstrap,
            final String topic,
            final String key,
            final List<byte[]> values) {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                                1),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (final byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            }
        } catch (final Exception e) {
            throw new IllegalStateException(
                    "cannot produce to " + topic + ": " + e.getMessage(), e);
        }
    }

    public static void produce(
            final String bootstrap, final String topic, final String key, final String value) {
        produce(bootstrap, topic, key, List.of(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads the topic from the beginning until a record matches, and returns every record read up
     * to and including it.
     *
     * @throws AssertionError when none matches within the timeout
     */
    public static List<ConsumerRecord<String, String>> readUntil(
            final String bootstrap,
            final String topic,
            final Predicate<ConsumerRecord<String, String>> match,
            final Duration timeout) {
        final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "test-reader-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (final ConsumerRecord<String, String> r :
                        consumer.poll(Duration.ofMillis(250))) {
                    seen.add(r);
                    if (match.test(r)) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError(
                "no matching record on %s within %s; read %d records"
                        .formatted(topic, timeout, seen.size()));
    }
}
