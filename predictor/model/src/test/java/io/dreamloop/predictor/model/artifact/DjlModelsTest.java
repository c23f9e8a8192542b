package io.dreamloop.predictor.model.artifact;

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
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.nn.DreamAttn;
import io.dreamloop.predictor.model.nn.DreamAttnConfig;
import io.dreamloop.predictor.model.nn.DreamCnn;
import io.dreamloop.predictor.model.nn.DreamCnnConfig;
import io.dreamloop.predictor.model.nn.DreamRnn;
import io.dreamloop.predictor.model.nn.DreamRnnConfig;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.StrandPredictions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our models survive the round trip through the store: rebuilt from the manifest, same outputs. */
class DjlModelsTest {
    private static final Path DATA =
            Path.of(System.getProperty("dreamloop.root", "../.."), "..", "shared", "data");

    private static List<DnaSequence> sequences() throws IOException {
        final JsonNode expected =
                new ObjectMapper()
                        .readTree(DATA.resolve("models/dream_cnn_demo_expected.json").toFile());
        final List<DnaSequence> out = new ArrayList<>();
        expected.get("sequences").forEach(s -> out.add(DnaSequence.of(s.asText())));
        return out;
    }

    @Test
    void everyArchitectureRoundTripsThroughTheStore(@TempDir final Path dir) throws IOException {
        final ModelStore store = new ModelStore(dir);
        final Map<Architecture, Record> configs =
                Map.of(
                        Architecture.DREAM_CNN, DreamCnnConfig.cpu(),
                        Architecture.DREAM_RNN, DreamRnnConfig.cpu(),
                        Architecture.DREAM_ATTN, DreamAttnConfig.cpu());
        for (final var e : configs.entrySet()) {
            Engine.getInstance().setRandomSeed(7);
            final PrixFixeNet net =
                    switch (e.getKey()) {
                        case DREAM_CNN -> DreamCnn.build((DreamCnnConfig) e.getValue());
                        case DREAM_RNN -> DreamRnn.build((DreamRnnConfig) e.getValue());
                        case DREAM_ATTN -> DreamAttn.build((DreamAttnConfig) e.getValue());
                    };
            final Model original = Model.newInstance("original", Device.cpu(), "PyTorch");
            original.setBlock(net);
            net.initialize(original.getNDManager(), DataType.FLOAT32, new Shape(1, 6, 150));
            final ModelManifest manifest =
                    DjlModels.store(
                            store,
                            original,
                            e.getKey().wireName() + "-v1",
                            e.getKey(),
                            e.getValue(),
                            null,
                            Map.of("run", "test"));
            assertThat(manifest.configuration()).isEqualTo(DjlModels.configurationOf(e.getValue()));
            try (ModelScorer a = new ModelScorer(original, SequenceEncoding.DREAM_2022, 4);
                    ModelScorer b =
                            new ModelScorer(
                                    DjlModels.load(store, manifest.sha256(), Device.cpu()),
                                    SequenceEncoding.DREAM_2022,
                                    4)) {
                final StrandPredictions pa = a.score(sequences());
                final StrandPredictions pb = b.score(sequences());
                assertThat(pb.logitsForward())
                        .as(e.getKey().wireName())
                        .containsExactly(pa.logitsForward(), offset(1e-6f));
                assertThat(pb.mean()).containsExactly(pa.mean(), offset(1e-6f));
            }
        }
    }

    @Test
    void referenceWeightsStoredInOurFormatStillReproduceTheReference(@TempDir final Path dir)
            throws IOException {
        final JsonNode expected =
                new ObjectMapper()
                        .readTree(DATA.resolve("models/dream_cnn_demo_expected.json").toFile());
        final ModelStore store = new ModelStore(dir);
        final ModelManifest m = ReferenceCnn.store(store, DATA.resolve("models/dream_cnn_demo.pt"));
        try (ModelScorer scorer =
                new ModelScorer(
                        DjlModels.load(store, m.sha256(), Device.cpu()),
                        SequenceEncoding.DREAM_2022,
                        8)) {
            final float[] mean = scorer.score(sequences()).mean();
            for (int i = 0; i < mean.length; i++) {
                assertThat(mean[i])
                        .isCloseTo(
                                (float) expected.get("prediction").get(i).asDouble(),
                                offset(1e-4f));
            }
        }
    }

    @Test
    void aConfigurationThatDoesNotFitIsNamed() {
        assertThatThrownBy(
                        () ->
                                DjlModels.build(
                                        Architecture.DREAM_CNN, Map.of("firstKernels", List.of(8))))
                .hasMessageStartingWith(
                        "configuration {firstKernels=[8]} does not describe a dream-cnn");
    }
}
