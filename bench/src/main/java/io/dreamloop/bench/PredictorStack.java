package io.dreamloop.bench;

import io.dreamloop.deploy.LocalStack;
import io.dreamloop.deploy.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The packaged predictor behind a broker from Maven jars, on an embedded database, serving a
 * TorchScript model as champion: what the Kafka-side benchmarks measure against.
 */
final class PredictorStack {
    private PredictorStack() {}

    /**
     * Starts the broker and the predictor, imports {@code model} and waits until it is champion.
     *
     * @param repo the repository root
     * @param model the TorchScript file
     * @param batchSize the predictor's forward-pass batch size
     * @return the running stack; close it to stop everything
     */
    static LocalStack start(final Path repo, final Path model, final int batchSize)
            throws IOException, InterruptedException {
        final Path runDir = repo.resolve(".run/bench");
        final ServiceSpec predictor = new ServiceSpec("predictor", "predictor/service", 38082);
        final LocalStack stack =
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
                        line -> System.out.println("  " + line));
        stack.http()
                .postBytes(
                        predictor.url()
                                + "/models/import?version=bench-v1&architecture=dream-cnn&champion=true",
                        Files.readAllBytes(model.toAbsolutePath()));
        for (int i = 0; i < 600; i++) {
            if (stack.http().find(predictor.url() + "/models/champion").isPresent()) {
                return stack;
            }
            Thread.sleep(100);
        }
        stack.close();
        throw new IllegalStateException("the imported model did not become champion within 60 s");
    }
}
