package io.dreamloop.bench;

import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.deploy.LocalStack;
import io.dreamloop.predictor.client.PredictorClient;
import io.dreamloop.predictor.model.DeviceChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
        final double kafkaRate;
        try (LocalStack stack = PredictorStack.start(repo, model, batchSize)) {
            kafkaRate = viaKafka(stack.bootstrap(), input);
        }
        final double inProcess =
                input.size()
                        // the predictor's default device, so both paths score on the same one
                        / ScoringBench.secondsToScore(
                                model, input, batchSize, DeviceChoice.resolve("auto"));
        System.out.printf("%n%-28s %12s%n", "path (batch " + batchSize + ")", "sequences/s");
        System.out.printf("%-28s %12.1f%n", "in-process (DJL)", inProcess);
        System.out.printf("%-28s %12.1f%n", "Kafka round trip", kafkaRate);
        System.out.printf("Kafka / in-process: %.2f%n", kafkaRate / inProcess);
        return 0;
    }

    private double viaKafka(final String bootstrap, final List<DnaSequence> input) {
        final List<ScoreItem> items = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            items.add(new ScoreItem("s" + i, input.get(i)));
        }
        final PredictorClient.Result result;
        try (PredictorClient client = PredictorClient.connect(bootstrap, "dreamloop-bench")) {
            result = client.score(items, null, requestSize, Duration.ofMinutes(30));
        }
        return result.predictions().size() / result.seconds();
    }
}
