package io.dreamloop.predictor.client;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.topic.ReplyPartition;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.platform.trace.TraceContext;
import io.dreamloop.platform.trace.TraceIds;
import io.dreamloop.platform.trace.TracedEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Request-reply scoring over Kafka, long-lived: one per process. Its reply partition of
 * scores-computed ({@link ReplyRoute}) is picked and assigned once, without a consumer group (no
 * rebalance per request), positioned at its end; every request names it in the {@link
 * ReplyPartition#HEADER} header, so the client reads only its own answers and each {@link #score}
 * costs only the round trip. Calls are serialised: one request is in flight at a time.
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
    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final String requestedBy;
    private final ClientHooks hooks;
    private final ReplyPartition reply;

    PredictorClient(
            final Consumer<String, byte[]> consumer,
            final Producer<String, byte[]> producer,
            final String requestedBy,
            final ReplyRoute route,
            final ClientHooks hooks) {
        this.consumer = consumer;
        this.producer = producer;
        this.requestedBy = requestedBy;
        this.hooks = hooks;
        try {
            reply =
                    route.resolve(
                            consumer.partitionsFor(Topics.SCORES_COMPUTED, Duration.ofSeconds(30))
                                    .size());
            final List<TopicPartition> own =
                    List.of(new TopicPartition(Topics.SCORES_COMPUTED, reply.partition()));
            consumer.assign(own);
            consumer.seekToEnd(own);
            own.forEach(consumer::position); // resolve the end now, before any request
        } catch (final RuntimeException e) {
            close(); // a client that cannot read its replies leaks no connections
            throw e;
        }
    }

    /**
     * Connects a tool without a service around it (benchmarks, the main job): a reply partition of
     * its own picked at random, undecodable answers logged and skipped.
     *
     * @param bootstrap the broker
     * @param requestedBy who asks, recorded on every request
     */
    public static PredictorClient connect(final String bootstrap, final String requestedBy) {
        return connect(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Objects.requireNonNull(bootstrap, "bootstrap")),
                requestedBy,
                new ReplyRoute(UUID.randomUUID().toString(), OptionalInt.empty()),
                ClientHooks.standalone());
    }

    /**
     * Connects with a service's connection settings (bootstrap, SASL, TLS: {@code
     * KafkaConnection.settings()} of the platform).
     *
     * @param connection the client settings every client of the service shares
     * @param requestedBy who asks, recorded on every request
     * @param route how the reply partition is picked
     * @param hooks decoding, dead-lettering and counting
     * @throws IllegalArgumentException when a configured reply partition does not exist
     */
    public static PredictorClient connect(
            final Map<String, Object> connection,
            final String requestedBy,
            final ReplyRoute route,
            final ClientHooks hooks) {
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(hooks, "hooks");
        final Map<String, Object> consumerSettings = new HashMap<>(connection);
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Predictors answer in transactions: an answer of an aborted one is never read.
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final Map<String, Object> producerSettings = new HashMap<>(connection);
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        final KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        consumerSettings, new StringDeserializer(), new ByteArrayDeserializer());
        final KafkaProducer<String, byte[]> producer;
        try {
            producer =
                    new KafkaProducer<>(
                            producerSettings, new StringSerializer(), new ByteArraySerializer());
        } catch (final RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
        return new PredictorClient(consumer, producer, requestedBy, route, hooks);
    }

    /** The partition of scores-computed this client reads, and its requests name. */
    public ReplyPartition replyPartition() {
        return reply;
    }

    /**
     * Scores items with one model version, under the current trace (a new one when none is current,
     * so that every chunk of the request and its answers share one).
     *
     * @param items the sequences, ids unique
     * @param modelVersion the version, or null for the predictor's champion
     * @param requestSize items per score-requested message
     * @param timeout how long to wait for every answer
     * @throws ScoringUnavailableException when not every chunk is answered in time
     */
    public synchronized Result score(
            final List<ScoreItem> items,
            final String modelVersion,
            final int requestSize,
            final Duration timeout) {
        if (requestSize < 1) {
            throw new IllegalArgumentException("requestSize must be >= 1, but was " + requestSize);
        }
        if (items.isEmpty()) {
            return new Result(Set.of(), Map.of(), Map.of(), 0);
        }
        final long t0 = System.nanoTime();
        final List<ScoreRequested> requests = requests(items, modelVersion, requestSize);
        requests.forEach(this::send);
        producer.flush();
        final Answers answers =
                new Answers(requests.getFirst().correlationId(), requests.size(), items.size());
        await(answers, timeout);
        return answers.result((System.nanoTime() - t0) / 1e9);
    }

    private List<ScoreRequested> requests(
            final List<ScoreItem> items, final String modelVersion, final int requestSize) {
        final UUID correlation = UUID.randomUUID();
        // Every chunk carries one trace, the caller's or a new one, and the answers continue it.
        final String trace = TraceContext.current().orElseGet(TraceIds::mint);
        final int chunks = (items.size() + requestSize - 1) / requestSize;
        final List<ScoreRequested> out = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            final int from = c * requestSize;
            final int to = Math.min(items.size(), from + requestSize);
            out.add(
                    TracedEvents.withTraceId(
                            new ScoreRequested(
                                    EventTypes.header(ScoreRequested.class, Lineage.NONE),
                                    correlation,
                                    requestedBy,
                                    modelVersion,
                                    new Chunk(c, chunks),
                                    new ArrayList<>(items.subList(from, to))),
                            trace));
        }
        return out;
    }

    private void send(final ScoreRequested request) {
        final ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.SCORE_REQUESTED, request.key(), codec.encode(request));
        record.headers().add(ReplyPartition.HEADER, reply.headerValue());
        producer.send(record);
        hooks.published(Topics.SCORE_REQUESTED);
    }

    private void await(final Answers answers, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!answers.complete()) {
            if (System.nanoTime() > deadline) {
                throw new ScoringUnavailableException(
                        "only %d of %d score chunks answered within %s; is the predictor running with a champion model?"
                                .formatted(answers.answered(), answers.chunks(), timeout));
            }
            for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                hooks.decode(r)
                        .filter(answers::take)
                        .ifPresent(s -> hooks.consumed(Topics.SCORES_COMPUTED));
            }
        }
    }

    @Override
    public synchronized void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
