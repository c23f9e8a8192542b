package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.http.ServiceClient;
import io.dreamloop.contracts.event.EstimationMethod;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.predictor.client.PredictorClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The event chain the system runs today: a user asks the designer for a library over HTTP
 * (design-requested), the designer designs and stores it and publishes it in chunks
 * (library-designed), lab-ingest stores every member so that sort-seq runs can be matched to it.
 */
public final class FoundationChain {
    /** The version the DREAM-CNN fixture is imported as. */
    static final String FIXTURE_VERSION = "dream-cnn-demo";

    /**
     * How long the in-silico lab's sort, estimation and delivery of a library may take: 100,000
     * members took 118 s in one bench load run on this 2-core machine and over 5 min in another.
     */
    private static final Duration MEASURING = Duration.ofMinutes(20);

    /**
     * What the chain did.
     *
     * @param libraryId the library
     * @param members members designed
     * @param chunks library-designed events
     * @param membersAtLabIngest members lab-ingest stored
     * @param designSeconds request to designed
     * @param deliverySeconds designed to stored at lab-ingest
     */
    public record Result(
            String libraryId,
            int members,
            int chunks,
            long membersAtLabIngest,
            double designSeconds,
            double deliverySeconds) {}

    private FoundationChain() {}

    /** Runs the chain for a random library of {@code sequences} members and prints each step. */
    public static Result run(
            final LocalStack stack,
            final String libraryId,
            final int sequences,
            final long seed,
            final PrintStream out) {
        out.println();
        out.println("Event chain");
        final Instant t0 = Instant.now();
        requestRandomLibrary(stack, libraryId, sequences, seed, out);
        final JsonNode designed = awaitDesigned(stack, libraryId, Duration.ofMinutes(5));
        final double designSeconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        out.printf(
                "  2. designer                  consumed %s, designed and stored %,d members in %.1f s%n",
                Topics.DESIGN_REQUESTED, designed.path("totalMembers").asInt(), designSeconds);
        out.printf(
                "  3. designer -> lab-ingest    %s: %d chunk event(s), each under the 1 MiB message limit%n",
                Topics.LIBRARY_DESIGNED, designed.path("chunks").asInt());
        final Instant t1 = Instant.now();
        final JsonNode received = awaitAtLabIngest(stack, libraryId);
        final double deliverySeconds = Duration.between(t1, Instant.now()).toMillis() / 1000.0;
        out.printf(
                "  4. lab-ingest                consumed %s, stored %,d of %,d members (%d/%d chunks) %.1f s later%n",
                Topics.LIBRARY_DESIGNED,
                received.path("membersReceived").asLong(),
                received.path("totalMembers").asLong(),
                received.path("chunksReceived").asLong(),
                received.path("chunkCount").asLong(),
                deliverySeconds);
        return new Result(
                libraryId,
                designed.path("totalMembers").asInt(),
                designed.path("chunks").asInt(),
                received.path("membersReceived").asLong(),
                designSeconds,
                deliverySeconds);
    }

    /**
     * Waits for lab-ingest to hold every chunk of a library.
     *
     * @return lab-ingest's view of the library
     */
    private static JsonNode awaitAtLabIngest(final LocalStack stack, final String libraryId) {
        return await(
                () ->
                        stack.http()
                                .find(stack.url(Topics.LAB_INGEST) + "/libraries/" + libraryId)
                                .filter(s -> s.path("complete").asBoolean()),
                Duration.ofMinutes(5));
    }

    /** Asks the designer for a random library and prints step 1. */
    private static void requestRandomLibrary(
            final LocalStack stack,
            final String libraryId,
            final int sequences,
            final long seed,
            final PrintStream out) {
        final JsonNode accepted =
                stack.http()
                        .postJson(
                                stack.url(Topics.DESIGNER) + "/libraries",
                                Map.of(
                                        "libraryId",
                                        libraryId,
                                        "quotas",
                                        Map.of("random", sequences),
                                        "seed",
                                        seed));
        out.printf(
                "  1. user -> designer          POST /libraries: %s random sequences, seed %d -> %s (event %s)%n",
                accepted.path("sequences").asText(),
                seed,
                Topics.DESIGN_REQUESTED,
                accepted.path("requestEventId").asText());
    }

    /**
     * Waits for the designer to finish a library.
     *
     * @return the designer's view of the designed library
     * @throws IllegalStateException when the library failed
     */
    static JsonNode awaitDesigned(
            final LocalStack stack, final String libraryId, final Duration timeout) {
        final JsonNode designed =
                await(
                        () ->
                                stack.http()
                                        .find(
                                                stack.url(Topics.DESIGNER)
                                                        + "/libraries/"
                                                        + libraryId),
                        timeout);
        if (!"designed".equals(designed.path("status").asText())) {
            throw new IllegalStateException(
                    "library %s failed: %s"
                            .formatted(libraryId, designed.path("failure").asText()));
        }
        return designed;
    }

    /**
     * Imports a TorchScript model into the predictor as champion, then scores the library's oligos
     * over Kafka and prints the step.
     *
     * @return the mean predicted bin
     */
    public static double scoreLibrary(
            final LocalStack stack,
            final String libraryId,
            final Path torchScript,
            final PrintStream out) {
        final JsonNode imported = importChampion(stack, torchScript);
        out.printf(
                "  5. user -> predictor         POST /models/import: TorchScript DREAM-CNN %s -> %s, champion after hash check%n",
                imported.path("sha256").asText().substring(0, 12), Topics.MODEL_PUBLISHED);
        final String tsv =
                stack.http()
                        .getText(
                                stack.url(Topics.DESIGNER)
                                        + "/libraries/"
                                        + libraryId
                                        + "/members?format=tsv");
        final PredictorClient.Result scored;
        try (PredictorClient client = PredictorClient.connect(stack.bootstrap(), "dreamloop-run")) {
            scored = client.score(scoreItems(tsv), null, 256, Duration.ofMinutes(10));
        }
        final double mean =
                scored.predictions().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(Double.NaN);
        out.printf(
                "  6. designer's library -> predictor  %s / %s: %,d oligos scored by %s in %.1f s (%.0f seq/s), mean predicted bin %.2f%n",
                Topics.SCORE_REQUESTED,
                Topics.SCORES_COMPUTED,
                scored.predictions().size(),
                scored.modelVersions(),
                scored.seconds(),
                scored.predictions().size() / scored.seconds(),
                mean);
        return mean;
    }

    /**
     * Imports the TorchScript file as the fixture version, champion, and waits until the predictor
     * serves it.
     *
     * @return the predictor's answer to the import
     */
    private static JsonNode importChampion(final LocalStack stack, final Path torchScript) {
        final ServiceClient http = stack.http();
        final byte[] weights;
        try {
            weights = Files.readAllBytes(torchScript);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final JsonNode imported =
                http.postBytes(
                        stack.url(Topics.PREDICTOR)
                                + "/models/import?version="
                                + FIXTURE_VERSION
                                + "&architecture=dream-cnn&champion=true",
                        weights);
        await(
                () ->
                        http.find(stack.url(Topics.PREDICTOR) + "/models/champion")
                                .filter(
                                        c ->
                                                FIXTURE_VERSION.equals(
                                                        c.path("modelVersion").asText())),
                Duration.ofMinutes(2));
        return imported;
    }

    /** One score item (member id, oligo) per member row of a library's TSV. */
    private static List<ScoreItem> scoreItems(final String tsv) {
        final List<ScoreItem> items = new ArrayList<>();
        for (final String line : tsv.split("\n")) {
            final String[] f = line.split("\t");
            if (f.length >= 5 && !"id".equals(f[0])) {
                items.add(new ScoreItem(f[0], DnaSequence.of(f[4])));
            }
        }
        return items;
    }

    /**
     * Waits for the in-silico lab's run of a library to reach the trainer and prints the steps.
     *
     * @return measurements in the trainer's dataset
     */
    public static long awaitMeasurements(
            final LocalStack stack,
            final String libraryId,
            final int members,
            final PrintStream out) {
        final JsonNode stored = awaitEstimated(stack, "insilico-" + libraryId);
        out.printf(
                "  7. lab-ingest (in-silico lab)  sorted and sequenced %s -> %s; estimated %s members by MAUDE, %s by bin-weighted mean%n",
                libraryId,
                Topics.SORTSEQ_RUN_SUBMITTED,
                stored.path(EstimationMethod.MAUDE.wireName()).asText(),
                stored.path(EstimationMethod.BIN_WEIGHTED_MEAN.wireName()).asText());
        // The run has reached the trainer once its dataset counts both methods' estimates.
        final long estimates =
                stored.path(EstimationMethod.MAUDE.wireName()).asLong()
                        + stored.path(EstimationMethod.BIN_WEIGHTED_MEAN.wireName()).asLong();
        final JsonNode dataset =
                await(
                        () ->
                                Optional.of(
                                                stack.http()
                                                        .getJson(
                                                                stack.url(Topics.TRAINER)
                                                                        + "/dataset"))
                                        .filter(d -> total(d) >= estimates),
                        MEASURING);
        final StringBuilder slices = new StringBuilder();
        dataset.forEach(
                s ->
                        slices.append(
                                "%s/%s %,d; "
                                        .formatted(
                                                s.path("scale").asText(),
                                                s.path("method").asText(),
                                                s.path("measurements").asLong())));
        out.printf(
                "  8. lab-ingest -> trainer      %s: dataset now %s%n",
                Topics.MEASUREMENTS_RECORDED, slices.toString().replaceFirst("; $", ""));
        return total(dataset);
    }

    /**
     * Waits for lab-ingest to have MAUDE estimates of a sort-seq run.
     *
     * @return estimated members per method
     */
    private static JsonNode awaitEstimated(final LocalStack stack, final String run) {
        return await(
                () ->
                        Optional.of(
                                        stack.http()
                                                .getJson(
                                                        stack.url(Topics.LAB_INGEST)
                                                                + "/libraries/runs/"
                                                                + run
                                                                + "/measurements"))
                                .filter(
                                        m ->
                                                m.path(EstimationMethod.MAUDE.wireName()).asLong()
                                                        > 0),
                MEASURING);
    }

    private static long total(final JsonNode dataset) {
        long n = 0;
        for (final JsonNode s : dataset) {
            n += s.path("measurements").asLong();
        }
        return n;
    }

    /** Polls until the supplier yields a document. */
    static JsonNode await(final Supplier<Optional<JsonNode>> poll, final Duration timeout) {
        final Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            final Optional<JsonNode> value = poll.get();
            if (value.isPresent()) {
                return value.get();
            }
            ServiceProcess.sleep(200);
        }
        throw new IllegalStateException("no answer within " + timeout);
    }
}
