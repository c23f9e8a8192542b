package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.scoring.EncodedBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference DREAM-CNN, trained and traced in PyTorch, reproduced by the DJL blocks: same tensor
 * names and shapes, and the same eval-mode logits for the fixture sequences.
 */
class TorchScriptWeightsTest {
    private static final Path DATA =
            Path.of(System.getProperty("dreamloop.root", "../.."), "..", "shared", "data");
    private static final Path MODELS = DATA.resolve("models");
    private static final String NAME = "dream_cnn_demo";
    private static final int BATCH_NORMS = 6 * 4; // per Autosome block: 3 in inv_res, 1 in resize
    private static final float TOLERANCE = 1e-4f;

    private static TorchScriptWeights weights;
    private static JsonNode expected;

    @BeforeAll
    static void read() throws Exception {
        weights = TorchScriptWeights.read(MODELS.resolve(NAME + ".pt"));
        expected = new ObjectMapper().readTree(MODELS.resolve(NAME + "_expected.json").toFile());
    }

    @Test
    void archiveHoldsWhatTheEngineListsPlusBatchNormStatistics() throws Exception {
        try (Model reference = Model.newInstance("reference", "PyTorch")) {
            reference.load(MODELS, NAME);
            final Map<String, TorchScriptWeights.Tensor> tensors = weights.tensors();
            long values = 0;
            for (final Pair<String, Parameter> p : reference.getBlock().getParameters()) {
                final NDArray engine = p.getValue().getArray();
                assertThat(tensors).containsKey(p.getKey());
                assertThat(tensors.get(p.getKey()).shape()).isEqualTo(engine.getShape());
                assertThat(Arrays.equals(tensors.get(p.getKey()).values(), engine.toFloatArray()))
                        .as("values of %s", p.getKey())
                        .isTrue();
                values += engine.size();
            }
            assertThat(values).isEqualTo(1_933_970);
            assertThat(tensors)
                    .hasSize(reference.getBlock().getParameters().size() + 2 * BATCH_NORMS)
                    .containsKeys("core.0.inv.1.running_mean", "core.5.resize.1.running_var");
        }
    }

    @Test
    void djlDreamCnnReproducesTheReferenceLogits() {
        final SequenceEncoding encoding =
                SequenceEncoding.ofPlasmidJson(DATA.resolve("dream2022/plasmid.json"));
        final List<DnaSequence> sequences = new ArrayList<>();
        for (int i = 0; i < expected.get("sequences").size(); i++) {
            sequences.add(DnaSequence.of(expected.get("sequences").get(i).asText()));
            assertThat(encoding.pad(sequences.get(i)).bases())
                    .isEqualTo(expected.get("padded_150").get(i).asText());
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            final PrixFixeNet net = DreamCnn.build(DreamCnnConfig.paper());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 150));
            weights.copyIntoDreamCnn(net);
            final NDArray forward = logits(manager, net, encoding, sequences, false);
            final NDArray reverse = logits(manager, net, encoding, sequences, true);
            assertClose(forward.toFloatArray(), expected.get("logits_forward"));
            assertClose(reverse.toFloatArray(), expected.get("logits_reverse"));
            final float[] prediction =
                    Bins.expectedBin(forward).add(Bins.expectedBin(reverse)).div(2).toFloatArray();
            for (int i = 0; i < prediction.length; i++) {
                assertThat(prediction[i])
                        .isCloseTo(
                                (float) expected.get("prediction").get(i).asDouble(),
                                Offset.offset(TOLERANCE));
            }
        }
    }

    @Test
    void aMismatchedArchitectureIsNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final PrixFixeNet small = DreamCnn.build(DreamCnnConfig.cpu());
            small.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 150));
            assertThatThrownBy(() -> weights.copyIntoDreamCnn(small))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("first.a.weight: PyTorch shape (160, 6, 9), DJL shape (32, 6, 9)");
        }
    }

    private static NDArray logits(
            final NDManager manager,
            final Block net,
            final SequenceEncoding encoding,
            final List<DnaSequence> sequences,
            final boolean reverse) {
        final NDArray x = EncodedBatch.of(manager, encoding, sequences, reverse);
        return net.forward(new ParameterStore(manager, false), new NDList(x), false)
                .singletonOrThrow();
    }

    private static void assertClose(final float[] actual, final JsonNode rows) {
        final int bins = rows.get(0).size();
        assertThat(actual).hasSize(rows.size() * bins);
        double worst = 0;
        for (int n = 0; n < rows.size(); n++) {
            for (int k = 0; k < bins; k++) {
                worst =
                        Math.max(
                                worst,
                                Math.abs(actual[n * bins + k] - rows.get(n).get(k).asDouble()));
                assertThat(actual[n * bins + k])
                        .as("logit %d of sequence %d", k, n)
                        .isCloseTo((float) rows.get(n).get(k).asDouble(), Offset.offset(TOLERANCE));
            }
        }
        System.out.printf("DJL vs PyTorch reference: max |logit difference| %.2e%n", worst);
    }
}
