package io.dreamloop.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.ReplyPartition;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.predictor.client.ClientHooks;
import io.dreamloop.predictor.client.PredictorClient;
import io.dreamloop.predictor.client.ReplyRoute;
import io.dreamloop.testing.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Two predictor clients with their own reply partitions against the running predictor: each gets
 * its answers, and its consumer never even sees the other's; a request naming a partition that does
 * not exist is dead-lettered with the reason.
 */
final class ReplyRouting {
    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap;
    private final List<String> sequences;

    ReplyRouting(final String bootstrap, final List<String> sequences) {
        this.bootstrap = bootstrap;
        this.sequences = sequences;
    }

    void eachClientReadsOnlyItsOwnAnswers() throws Exception {
        final Set<String> seenByA = ConcurrentHashMap.newKeySet();
        final Set<String> seenByB = ConcurrentHashMap.newKeySet();
        try (PredictorClient a = client("designer-1", seenByA);
                PredictorClient b = client("designer-2", seenByB)) {
            assertThat(a.replyPartition().partition()).isEqualTo(1);
            assertThat(b.replyPartition().partition()).isEqualTo(2);
            final CompletableFuture<PredictorClient.Result> fromA =
                    CompletableFuture.supplyAsync(() -> score(a, "a"));
            final CompletableFuture<PredictorClient.Result> fromB =
                    CompletableFuture.supplyAsync(() -> score(b, "b"));
            assertThat(fromA.get(120, TimeUnit.SECONDS).predictions())
                    .hasSize(sequences.size())
                    .allSatisfy((id, p) -> assertThat(id).startsWith("a"));
            assertThat(fromB.get(120, TimeUnit.SECONDS).predictions())
                    .hasSize(sequences.size())
                    .allSatisfy((id, p) -> assertThat(id).startsWith("b"));
        }
        // Not merely filtered: every answer that reached a client's consumer was its own.
        assertThat(seenByA).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("a"));
        assertThat(seenByB).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("b"));
    }

    void aRequestNamingAPartitionThatDoesNotExistIsDeadLettered() throws Exception {
        final UUID correlation = UUID.randomUUID();
        final ScoreRequested request =
                new ScoreRequested(
                        EventTypes.header(ScoreRequested.class, Lineage.NONE),
                        correlation,
                        "scoring-it",
                        null,
                        new Chunk(0, 1),
                        List.of(new ScoreItem("x", DnaSequence.of(sequences.getFirst()))));
        final ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.SCORE_REQUESTED, request.key(), codec.encode(request));
        record.headers().add(ReplyPartition.HEADER, new ReplyPartition(99).headerValue());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        final DeadLetter letter =
                codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.DEAD_LETTER,
                                        r -> r.value().contains(correlation.toString()),
                                        Duration.ofSeconds(60))
                                .getLast()
                                .value(),
                        DeadLetter.class);
        assertThat(letter.reason())
                .isEqualTo(
                        "rejected: reply partition 99 is not a partition of"
                                + " dreamloop.scores-computed, which has 6");
        assertThatThrownBy(() -> new ReplyRoute("d", OptionalInt.of(99)).resolve(6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private PredictorClient.Result score(final PredictorClient client, final String prefix) {
        final List<ScoreItem> items =
                IntStream.range(0, sequences.size())
                        .mapToObj(i -> new ScoreItem(prefix + i, DnaSequence.of(sequences.get(i))))
                        .toList();
        return client.score(items, null, 2, Duration.ofSeconds(60));
    }

    /** A client whose hooks record the item ids of every answer its consumer read. */
    private PredictorClient client(final String instance, final Set<String> seen) {
        final ClientHooks standalone = ClientHooks.standalone();
        return PredictorClient.connect(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                "scoring-it",
                new ReplyRoute(instance, OptionalInt.empty()),
                new ClientHooks() {
                    @Override
                    public Optional<ScoresComputed> decode(
                            final ConsumerRecord<String, byte[]> record) {
                        final Optional<ScoresComputed> answer = standalone.decode(record);
                        answer.ifPresent(s -> s.scores().forEach(x -> seen.add(x.id())));
                        return answer;
                    }

                    @Override
                    public void published(final String topic) {}

                    @Override
                    public void consumed(final String topic) {}
                });
    }
}
