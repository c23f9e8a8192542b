package io.dreamloop.predictor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.ArtifactIntegrityException;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.artifact.ReferenceCnn;
import io.dreamloop.predictor.model.nn.DreamCnnConfig;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.StrandPredictions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both artifact formats load through one path, verified; DJL models also in float16. */
class ArtifactLoaderTest {
    private static final Path DATA =
            Path.of(System.getProperty("dreamloop.root", "../.."), "..", "shared", "data");
    private static final List<String> SERVED = List.of("dream-cnn", "dream-rnn", "dream-attn");

    private static JsonNode expected() throws IOException {
        return new ObjectMapper()
                .readTree(DATA.resolve("models/dream_cnn_demo_expected.json").toFile());
    }

    private static List<DnaSequence> sequences() throws IOException {
        final List<DnaSequence> out = new ArrayList<>();
        expected().get("sequences").forEach(s -> out.add(DnaSequence.of(s.asText())));
        return out;
    }

    private static ArtifactLoader loader(final Precision precision) {
        return new ArtifactLoader(Device.cpu(), precision, 4, SERVED);
    }

    /** A cpu()-size DREAM-CNN, randomly initialized with a seed. */
    static Model randomCnn(final int seed) {
        Engine.getInstance().setRandomSeed(seed);
        final PrixFixeNet net = DjlModels.build(Architecture.DREAM_CNN, cnnConfiguration());
        final Model model = Model.newInstance("cnn-" + seed, Device.cpu(), "PyTorch");
        model.setBlock(net);
        net.initialize(
                model.getNDManager(),
                DataType.FLOAT32,
                new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
        return model;
    }

    private static Map<String, Object> cnnConfiguration() {
        return DjlModels.configurationOf(DreamCnnConfig.cpu());
    }

    private static ModelManifest storeCnn(final ModelStore store, final Model model) {
        return DjlModels.store(
                store,
                model,
                model.getName(),
                Architecture.DREAM_CNN,
                DreamCnnConfig.cpu(),
                null,
                Map.of("run", "test"));
    }

    @Test
    void aDjlArtifactIsRebuiltFromItsManifestAndScoresAsTheModelItWasStoredFrom(
            @TempDir final Path dir) throws IOException {
        final ModelStore store = new ModelStore(dir);
        final Model model = randomCnn(11);
        final ModelManifest m = storeCnn(store, model);
        try (ModelScorer original = new ModelScorer(model, SequenceEncoding.DREAM_2022, 4)) {
            assertThat(m.format()).isEqualTo(ModelManifest.DJL);
            assertThat(m.weightsFile()).isEqualTo("model-0000.params");
            try (ModelScorer served =
                    loader(Precision.FLOAT32)
                            .open("cnn-11", m.sha256(), store.uri(m.sha256()).toString())) {
                final StrandPredictions a = original.score(sequences());
                final StrandPredictions b = served.score(sequences());
                assertThat(b.logitsForward()).containsExactly(a.logitsForward(), offset(1e-6f));
                assertThat(b.logitsReverse()).containsExactly(a.logitsReverse(), offset(1e-6f));
                assertThat(b.mean()).containsExactly(a.mean(), offset(1e-6f));
            }
        }
    }

    @Test
    void aTorchScriptArtifactStillReproducesTheReference(@TempDir final Path dir)
            throws IOException {
        final ModelStore store = new ModelStore(dir);
        final ModelManifest m =
                store.put(
                        DATA.resolve("models/dream_cnn_demo.pt"),
                        "cnn-demo",
                        "dream-cnn",
                        ModelManifest.TORCHSCRIPT,
                        null,
                        null,
                        null);
        // float16 is configured, but a traced module is served as traced, in float32.
        final ArtifactLoader loader =
                new ArtifactLoader(Device.cpu(), Precision.FLOAT16, 8, SERVED);
        assertThat(loader.precisionOf(m)).isEqualTo(Precision.FLOAT32);
        try (ModelScorer scorer =
                loader.open("cnn-demo", m.sha256(), store.uri(m.sha256()).toString())) {
            final float[] mean = scorer.score(sequences()).mean();
            for (int i = 0; i < mean.length; i++) {
                assertThat((double) mean[i])
                        .isCloseTo(expected().get("prediction").get(i).asDouble(), offset(1e-4));
            }
        }
    }

    @Test
    void aChangedParamsFileIsRefused(@TempDir final Path dir) throws IOException {
        final ModelStore store = new ModelStore(dir);
        final Model model = randomCnn(12);
        final ModelManifest m = storeCnn(store, model);
        model.close();
        final Path params = dir.resolve(m.sha256()).resolve(m.weightsFile());
        final byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 1;
        Files.write(params, bytes);
        assertThatThrownBy(
                        () ->
                                loader(Precision.FLOAT32)
                                        .open(
                                                "cnn-12",
                                                m.sha256(),
                                                store.uri(m.sha256()).toString()))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageEndingWith("the file was changed or corrupted");
    }

    @Test
    void anArtifactMustBeAFileAddressedByItsHashAndOfAServedArchitecture(@TempDir final Path dir) {
        final ModelStore store = new ModelStore(dir);
        final Model model = randomCnn(13);
        final ModelManifest m = storeCnn(store, model);
        model.close();
        final String uri = store.uri(m.sha256()).toString();
        assertThatThrownBy(() -> loader(Precision.FLOAT32).open("v", "a".repeat(64), uri))
                .hasMessage(
                        "model v: artifact %s is not addressed by its sha256 %s"
                                .formatted(uri, "a".repeat(64)));
        assertThatThrownBy(
                        () ->
                                loader(Precision.FLOAT32)
                                        .open("v", m.sha256(), "s3://models/" + m.sha256()))
                .hasMessageStartingWith("model v: only file: artifact URIs are supported");
        assertThatThrownBy(
                        () ->
                                new ArtifactLoader(
                                                Device.cpu(),
                                                Precision.FLOAT32,
                                                4,
                                                List.of("dream-rnn"))
                                        .open("v", m.sha256(), uri))
                .hasMessage(
                        "model v: the artifact is a 'dream-cnn'; this predictor serves [dream-rnn]");
    }

    @Test
    void inFloat16EveryParameterOfADjlModelIsCast(@TempDir final Path dir) throws IOException {
        final ModelStore store = new ModelStore(dir);
        final Model model = randomCnn(14);
        final ModelManifest m = storeCnn(store, model);
        try (Model half = DjlModels.load(store, m.sha256(), Device.cpu(), Precision.FLOAT16)) {
            final var params = half.getBlock().getParameters().values();
            assertThat(params).isNotEmpty();
            assertThat(params)
                    .allSatisfy(
                            p ->
                                    assertThat(p.getArray().getDataType())
                                            .isEqualTo(DataType.FLOAT16));
            final var reference = model.getBlock().getParameters().values();
            for (int i = 0; i < params.size(); i++) {
                final float[] a = reference.get(i).getArray().toFloatArray();
                final float[] b =
                        params.get(i).getArray().toType(DataType.FLOAT32, false).toFloatArray();
                assertThat(b).containsExactly(a, offset(2e-3f * (1 + max(a))));
            }
        } finally {
            model.close();
        }
    }

    @Test
    void theReferenceWeightsServedInFloat16AgreeWithTheReferenceToTheThirdDecimal(
            @TempDir final Path dir) throws IOException {
        final ModelStore store = new ModelStore(dir);
        final ModelManifest m = ReferenceCnn.store(store, DATA.resolve("models/dream_cnn_demo.pt"));
        final ArtifactLoader loader =
                new ArtifactLoader(Device.cpu(), Precision.FLOAT16, 8, SERVED);
        assertThat(loader.precisionOf(m)).isEqualTo(Precision.FLOAT16);
        try (ModelScorer scorer =
                loader.open(ReferenceCnn.NAME, m.sha256(), store.uri(m.sha256()).toString())) {
            final float[] mean = scorer.score(sequences()).mean();
            for (int i = 0; i < mean.length; i++) {
                assertThat((double) mean[i])
                        .isCloseTo(expected().get("prediction").get(i).asDouble(), offset(1e-2));
            }
        }
    }

    private static float max(final float[] values) {
        float m = 0;
        for (final float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
