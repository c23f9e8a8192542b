package io.dreamloop.bench;

import ai.djl.Device;
import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.deploy.LocalStack;
import io.dreamloop.deploy.ServiceSpec;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.TorchScriptModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Kafka path against the in-process path: starts a broker from Maven jars and the packaged
 * predictor (embedded database), imports the TorchScript model, sends score requests over Kafka and
 * times until every answer is back; then scores the same sequences in-process with the same model
 * and batch size. Prints both throughputs and their ratio.
 */
@Command(
        name = "kafka",
        mixinStandardHelpOptions = true,
        description = "Scoring through Kafka vs in-process.")
final class KafkaBench implements Callable<Integer> {

    @Option(
            names = "--model",
            defaultValue = "../shared/data/models/dream_cnn_demo.pt",
            description = "TorchScript model (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(
            names = "--sequences",
            defaultValue = "2048",
            description = "Sequences to score (default ${DEFAULT-VALUE}).")
    int sequences;

    @Option(
            names = "--request-size",
            defaultValue = "64",
            description = "Sequences per score request (default ${DEFAULT-VALUE}).")
    int requestSize;

    @Option(
            names = "--batch-size",
            defaultValue = "256",
            description = "Forward-pass batch size, both paths (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description = "Seed of the random sequences (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--root", defaultValue = ".", description = "Repository root.")
    Path root;

    @Override
    public Integer call() throws Exception {
        final Path repo = root.toAbsolutePath().normalize();
        final List<DnaSequence> input = ScoringBench.randomOligos(sequences, seed);
        final Path runDir = repo.resolve(".run/bench");
        final ServiceSpec predictor = new ServiceSpec("predictor", "predictor/service", 38082);
        final double kafkaRate;
        try (LocalStack stack =
                LocalStack.start(
                        repo,
                        runDir,
                        39092,
                        null,
                        List.of(predictor),
                        spec ->
                                Map.of(
                                        "quarkus.profile", "embedded",
                                        "dreamloop.data-dir",
                                                runDir.resolve("data-" + System.nanoTime())
                                                        .toString(),
                                        "dreamloop.predictor.registry.store",
                                                runDir.resolve("models").toString(),
                                        "dreamloop.predictor.scoring.batch-size",
                                                String.valueOf(batchSize)),
                        line -> System.out.println("  " + line))) {
            stack.http()
                    .postBytes(
                            predictor.url()
                                    + "/models/import?version=bench-v1&architecture=dream-cnn&champion=true",
                            Files.readAllBytes(model.toAbsolutePath()));
            awaitChampion(stack, predictor);
            kafkaRate = viaKafka(stack.bootstrap(), input);
        }
        final double inProcess;
        try (ModelScorer scorer =
                new ModelScorer(
                        TorchScriptModels.load(model, Device.cpu()),
                        SequenceEncoding.DREAM_2022,
                        batchSize)) {
            scorer.score(input.subList(0, Math.min(64, input.size())));
            final long t0 = System.nanoTime();
            scorer.score(input);
            inProcess = input.size() / ((System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("%n%-28s %12s%n", "path (batch " + batchSize + ")", "sequences/s");
        System.out.printf("%-28s %12.1f%n", "in-process (DJL)", inProcess);
        System.out.printf("%-28s %12.1f%n", "Kafka round trip", kafkaRate);
        System.out.printf("Kafka / in-process: %.2f%n", kafkaRate / inProcess);
        return 0;
    }

    private static void awaitChampion(final LocalStack stack, final ServiceSpec predictor)
            throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (stack.http().find(predictor.url() + "/models/champion").isPresent()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the imported model did not become champion within 60 s");
    }

    private double viaKafka(final String bootstrap, final List<DnaSequence> input)
            throws Exception {
        final EventCodec codec = EventCodec.instance();
        final UUID correlation = UUID.randomUUID();
        final int chunks = (input.size() + requestSize - 1) / requestSize;
        try (KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(
                                Map.of(
                                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        bootstrap,
                                        ConsumerConfig.GROUP_ID_CONFIG,
                                        "bench-" + correlation,
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
                final List<ScoreItem> items = new ArrayList<>();
                for (int i = c * requestSize;
                        i < Math.min(input.size(), (c + 1) * requestSize);
                        i++) {
                    items.add(new ScoreItem("s" + i, input.get(i)));
                }
                final ScoreRequested request =
                        new ScoreRequested(
                                EventTypes.header(ScoreRequested.class, Lineage.NONE),
                                correlation,
                                "bench",
                                null,
                                new Chunk(c, chunks),
                                items);
                producer.send(
                        new ProducerRecord<>(
                                Topics.SCORE_REQUESTED, request.key(), codec.encode(request)));
            }
            producer.flush();
            final Set<Integer> answered = new HashSet<>();
            final long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (answered.size() < chunks) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "only %d of %d answers within 30 min"
                                    .formatted(answered.size(), chunks));
                }
                for (final ConsumerRecord<String, byte[]> r :
                        consumer.poll(Duration.ofMillis(200))) {
                    final ScoresComputed s = codec.decode(r.value(), ScoresComputed.class);
                    if (s.correlationId().equals(correlation)) {
                        answered.add(s.chunk().index());
                    }
                }
            }
            return input.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
