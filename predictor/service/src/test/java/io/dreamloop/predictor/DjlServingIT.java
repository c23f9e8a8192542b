package io.dreamloop.predictor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.hamcrest.Matchers.equalTo;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.predictor.config.PredictorConfig;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.nn.DreamCnn;
import io.dreamloop.predictor.model.nn.DreamCnnConfig;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.StrandPredictions;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Models trained in DJL (stored with {@link DjlModels#store}, format {@code djl}) published on the
 * real broker are rebuilt from their manifest, verified and served: the predictions over HTTP are
 * those of the same model scored in-process; a changed parameters file is refused and the champion
 * stays; a later DJL champion hot-swaps in while the earlier one stays addressable.
 */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = {
            @ResourceArg(name = "service", value = "predictor"),
            // Other arguments than ScoringIT's and ModelRegistryIT's: Quarkus starts an application
            // of its own with an empty registry, and theirs again from empty after this one.
            @ResourceArg(name = "instance", value = "djl-serving")
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DjlServingIT {
    private static final Path DATA =
            Path.of(System.getProperty("dreamloop.root", "../.."), "..", "shared", "data");
    private static final String V1 = "djl-cnn-v1";
    private static final String TAMPERED = "djl-cnn-v2-tampered";
    private static final String V3 = "djl-cnn-v3";

    /** The in-process copies of the served models, by version. */
    private static final Map<String, ModelScorer> IN_PROCESS = new java.util.HashMap<>();

    private static final List<Path> TO_DELETE = new ArrayList<>();

    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    @Inject PredictorConfig config;

    @AfterAll
    static void cleanUp() throws IOException {
        IN_PROCESS.values().forEach(ModelScorer::close);
        IN_PROCESS.clear();
        for (final Path dir : TO_DELETE) {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (final Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** A cpu()-size DREAM-CNN, randomly initialized from a seed. */
    private static Model randomCnn(final String name, final int seed) {
        Engine.getInstance().setRandomSeed(seed);
        final PrixFixeNet net = DreamCnn.build(DreamCnnConfig.cpu());
        final Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
        model.setBlock(net);
        net.initialize(
                model.getNDManager(),
                DataType.FLOAT32,
                new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
        return model;
    }

    /** The predictor's own store, as configured. */
    private ModelStore store() {
        return new ModelStore(Path.of(config.registry().store()));
    }

    private ModelManifest store(final Model model, final String version, final String parent) {
        return DjlModels.store(
                store(),
                model,
                version,
                Architecture.DREAM_CNN,
                DreamCnnConfig.cpu(),
                parent,
                Map.of("trainingRun", "djl-serving-it"));
    }

    private void publish(final String version, final String parent, final ModelManifest m) {
        TestTopics.produce(
                bootstrap,
                Topics.MODEL_PUBLISHED,
                version,
                List.of(
                        codec.encode(
                                new ModelPublished(
                                        EventTypes.header(
                                                ModelPublished.class,
                                                Lineage.NONE.withModelVersion(version)),
                                        version,
                                        "dream-cnn",
                                        parent,
                                        m.sha256(),
                                        store().uri(m.sha256()).toString(),
                                        true,
                                        Map.of("pearson.all", 0.1)))));
    }

    private static void awaitChampion(final String version) {
        final Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            final var r = given().get("/models/champion");
            if (r.statusCode() == 200 && version.equals(r.jsonPath().getString("modelVersion"))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(version + " did not become champion");
    }

    /** The fixture's 8 sequences and 72 seeded variants of them: more than one batch of 64. */
    private static List<String> sequences() throws IOException {
        final JsonNode expected =
                new ObjectMapper()
                        .readTree(DATA.resolve("models/dream_cnn_demo_expected.json").toFile());
        final List<String> out = new ArrayList<>();
        expected.get("sequences").forEach(s -> out.add(s.asText()));
        final Random random = new Random(2022);
        final char[] bases = {'A', 'C', 'G', 'T'};
        for (int i = 0; i < 72; i++) {
            final char[] s = out.get(i % 8).toCharArray();
            for (int k = 0; k < 12; k++) {
                s[20 + random.nextInt(70)] = bases[random.nextInt(4)];
            }
            out.add(new String(s));
        }
        return out;
    }

    /** Scores over HTTP and checks every prediction against the in-process model. */
    private static void servedAsInProcess(final String version, final boolean byVersion)
            throws IOException {
        final List<String> sequences = sequences();
        final Map<String, Object> body =
                byVersion
                        ? Map.of("sequences", sequences, "modelVersion", version)
                        : Map.of("sequences", sequences);
        final JsonPath answer =
                given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/score")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(answer.getString("modelVersion")).isEqualTo(version);
        final StrandPredictions local =
                IN_PROCESS.get(version).score(sequences.stream().map(DnaSequence::of).toList());
        final List<Map<String, Object>> predictions = answer.getList("predictions");
        assertThat(predictions).hasSize(sequences.size());
        for (int i = 0; i < predictions.size(); i++) {
            final Map<String, Object> p = predictions.get(i);
            assertThat(p.get("error")).as("sequence %d", i).isNull();
            assertThat(((Number) p.get("prediction")).doubleValue())
                    .as("sequence %d", i)
                    .isCloseTo(local.mean()[i], offset(1e-5));
            assertThat(((Number) p.get("forward")).doubleValue())
                    .isCloseTo(local.forward()[i], offset(1e-5));
            assertThat(((Number) p.get("reverse")).doubleValue())
                    .isCloseTo(local.reverse()[i], offset(1e-5));
        }
        // A random model still tells sequences apart, so equality is not trivial.
        assertThat(predictions.stream().map(p -> p.get("prediction")).distinct().count())
                .isGreaterThan(sequences.size() / 2);
    }

    @Test
    @Order(1)
    void aDjlModelPublishedOnTheBrokerBecomesChampionAndScoresAsInProcess() throws IOException {
        final Model model = randomCnn(V1, 2022);
        final ModelManifest m = store(model, V1, null);
        final ModelManifest stored = store().manifest(m.sha256());
        assertThat(stored.format()).isEqualTo(ModelManifest.DJL);
        assertThat(stored.architecture()).isEqualTo("dream-cnn");
        assertThat(stored.weightsFile()).isEqualTo("model-0000.params");
        assertThat(stored.configuration()).containsKeys("firstKernels", "coreWidths");
        IN_PROCESS.put(V1, new ModelScorer(model, SequenceEncoding.DREAM_2022, 4));
        publish(V1, null, m);
        awaitChampion(V1);
        given().get("/models/champion")
                .then()
                .statusCode(200)
                .body("artifactSha256", equalTo(m.sha256()))
                .body("artifactUri", equalTo(store().uri(m.sha256()).toString()));
        servedAsInProcess(V1, false);
    }

    @Test
    @Order(2)
    void aDjlArtifactWithAChangedParamsFileIsRefusedAndTheChampionStays() throws IOException {
        final ModelManifest m;
        try (Model model = randomCnn(TAMPERED, 7)) {
            m = store(model, TAMPERED, V1);
        }
        final Path dir = store().root().resolve(m.sha256());
        TO_DELETE.add(dir);
        final Path params = dir.resolve(m.weightsFile());
        if (ModelStore.sha256(params).equals(m.sha256())) { // not left tampered by a crashed run
            final byte[] bytes = Files.readAllBytes(params);
            bytes[bytes.length - 5] ^= 1; // a parameter value, not the header
            Files.write(params, bytes);
        }
        publish(TAMPERED, V1, m);
        final DeadLetter letter =
                codec.decode(
                        TestTopics.readUntil(
                                        bootstrap,
                                        Topics.DEAD_LETTER,
                                        r ->
                                                TAMPERED.equals(
                                                        codec.decode(r.value(), DeadLetter.class)
                                                                .sourceKey()),
                                        Duration.ofSeconds(60))
                                .getLast()
                                .value(),
                        DeadLetter.class);
        assertThat(letter.reason())
                .startsWith(
                        "rejected: model %s cannot be loaded: artifact %s: weights hash to "
                                .formatted(TAMPERED, m.sha256()))
                .endsWith("the file was changed or corrupted");
        given().get("/models/champion").then().statusCode(200).body("modelVersion", equalTo(V1));
        servedAsInProcess(V1, false);
    }

    @Test
    @Order(3)
    void aLaterDjlChampionHotSwapsInAndTheEarlierStaysAddressable() throws IOException {
        final Model model = randomCnn(V3, 3);
        final ModelManifest m = store(model, V3, V1);
        IN_PROCESS.put(V3, new ModelScorer(model, SequenceEncoding.DREAM_2022, 4));
        publish(V3, V1, m);
        awaitChampion(V3);
        servedAsInProcess(V3, false);
        servedAsInProcess(V1, true);
    }
}
