package io.dreamloop.predictor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoreResult;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.ReplyPartition;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The client against Kafka's mock clients: what it assigns, what it sends, what it keeps. */
class PredictorClientTest {
    private static final int OWN = 4;
    private final EventCodec codec = EventCodec.instance();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("latest");
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final List<String> counted = new ArrayList<>();

    private PredictorClient client() {
        consumer.updatePartitions(
                Topics.SCORES_COMPUTED,
                IntStream.range(0, 6)
                        .mapToObj(
                                p -> new PartitionInfo(Topics.SCORES_COMPUTED, p, null, null, null))
                        .toList());
        consumer.updateEndOffsets(Map.of(own(), 0L));
        return new PredictorClient(
                consumer,
                producer,
                "test",
                new ReplyRoute("designer-" + OWN, OptionalInt.empty()),
                countingHooks());
    }

    @Test
    void itAssignsOnlyItsOwnReplyPartitionAndEveryRequestNamesIt() {
        final PredictorClient client = client();
        assertThat(consumer.assignment()).containsExactly(own());
        assertThat(client.replyPartition()).isEqualTo(new ReplyPartition(OWN));
        consumer.schedulePollTask(this::answerEveryRequest);
        client.score(items(5), null, 2, Duration.ofSeconds(5));
        assertThat(producer.history()).hasSize(3);
        for (final ProducerRecord<String, byte[]> request : producer.history()) {
            assertThat(request.topic()).isEqualTo(Topics.SCORE_REQUESTED);
            assertThat(
                            new String(
                                    request.headers().lastHeader(ReplyPartition.HEADER).value(),
                                    StandardCharsets.UTF_8))
                    .isEqualTo("4");
        }
    }

    @Test
    void itKeepsItsOwnAnswersOnlyAndSkipsWhatItCannotDecode() {
        final PredictorClient client = client();
        consumer.schedulePollTask(this::answerEveryRequest);
        final PredictorClient.Result result =
                client.score(items(3), null, 2, Duration.ofSeconds(5));
        assertThat(result.predictions()).containsOnlyKeys("i0", "i1", "i2");
        assertThat(result.modelVersions()).containsExactly("m1");
        // 3 + 3 published (two chunks), the foreign and the undecodable answers not counted.
        assertThat(counted)
                .containsExactly(
                        "published " + Topics.SCORE_REQUESTED,
                        "published " + Topics.SCORE_REQUESTED,
                        "malformed",
                        "consumed " + Topics.SCORES_COMPUTED,
                        "consumed " + Topics.SCORES_COMPUTED);
    }

    @Test
    void aChunkNobodyAnswersMakesScoringUnavailable() {
        final PredictorClient client = client();
        assertThatThrownBy(() -> client.score(items(3), null, 2, Duration.ofMillis(300)))
                .isInstanceOf(ScoringUnavailableException.class)
                .hasMessageStartingWith("only 0 of 2 score chunks answered within PT0.3S");
    }

    /** SASL without a JAAS configuration is refused by the Kafka client, before any connection. */
    @Test
    void theServicesSecuritySettingsReachTheKafkaClients() {
        final Map<String, Object> sasl =
                Map.of(
                        "bootstrap.servers", "127.0.0.1:1",
                        "security.protocol", "SASL_PLAINTEXT",
                        "sasl.mechanism", "PLAIN");
        assertThatThrownBy(
                        () ->
                                PredictorClient.connect(
                                        sasl,
                                        "test",
                                        new ReplyRoute("d", OptionalInt.empty()),
                                        ClientHooks.standalone()))
                .rootCause()
                .hasMessageContaining("JAAS");
    }

    /**
     * Plays the predictor: before each request's answer, an answer of another correlation (an
     * instance sharing the partition) and a record that is not an event.
     */
    private void answerEveryRequest() {
        long offset = 0;
        consumer.addRecord(record(offset++, "not json".getBytes(StandardCharsets.UTF_8)));
        for (final ProducerRecord<String, byte[]> r : producer.history()) {
            final ScoreRequested request = codec.decode(r.value(), ScoreRequested.class);
            consumer.addRecord(record(offset++, answer(UUID.randomUUID(), request)));
            consumer.addRecord(record(offset++, answer(request.correlationId(), request)));
        }
    }

    private byte[] answer(final UUID correlation, final ScoreRequested request) {
        final boolean own = correlation.equals(request.correlationId());
        return codec.encode(
                new ScoresComputed(
                        EventTypes.header(ScoresComputed.class, Lineage.NONE),
                        correlation,
                        own ? "m1" : "other",
                        request.chunk(),
                        request.items().stream()
                                .map(i -> new ScoreResult(own ? i.id() : "other-" + i.id(), 1.0))
                                .toList(),
                        List.of()));
    }

    private static ConsumerRecord<String, byte[]> record(final long offset, final byte[] value) {
        return new ConsumerRecord<>(Topics.SCORES_COMPUTED, OWN, offset, "k", value);
    }

    private static TopicPartition own() {
        return new TopicPartition(Topics.SCORES_COMPUTED, OWN);
    }

    private static List<ScoreItem> items(final int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new ScoreItem("i" + i, DnaSequence.of("ACGT".repeat(30))))
                .toList();
    }

    private ClientHooks countingHooks() {
        final ClientHooks standalone = ClientHooks.standalone();
        return new ClientHooks() {
            @Override
            public Optional<ScoresComputed> decode(final ConsumerRecord<String, byte[]> record) {
                final Optional<ScoresComputed> decoded = standalone.decode(record);
                if (decoded.isEmpty()) {
                    counted.add("malformed");
                }
                return decoded;
            }

            @Override
            public void published(final String topic) {
                counted.add("published " + topic);
            }

            @Override
            public void consumed(final String topic) {
                counted.add("consumed " + topic);
            }
        };
    }
}
