package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The Bi-LSTM built from two forward LSTMs against PyTorch's own {@code nn.LSTM(bidirectional=True,
 * batch_first=True)} with the same weights: output, input gradient and every weight gradient of
 * {@code sum(output * g)} to 1e-5. The golden values come from PyTorch ({@code
 * src/test/python/bilstm_fixture.py} writes {@code bilstm_pytorch.json}).
 */
class BiLstmPyTorchTest {
    private static final Offset<Float> TOLERANCE = Offset.offset(1e-5f);

    /** DJL parameter of {@link BiLstm} = PyTorch {@code nn.LSTM} tensor. */
    private static final Map<String, String> NAMES =
            Map.of(
                    "01forward_l_0_i2h_WEIGHT", "weight_ih_l0",
                    "01forward_l_0_h2h_WEIGHT", "weight_hh_l0",
                    "01forward_l_0_i2h_BIAS", "bias_ih_l0",
                    "01forward_l_0_h2h_BIAS", "bias_hh_l0",
                    "02backward_l_0_i2h_WEIGHT", "weight_ih_l0_reverse",
                    "02backward_l_0_h2h_WEIGHT", "weight_hh_l0_reverse",
                    "02backward_l_0_i2h_BIAS", "bias_ih_l0_reverse",
                    "02backward_l_0_h2h_BIAS", "bias_hh_l0_reverse");

    @Test
    void forwardAndGradientsEqualPyTorchsBidirectionalLstm() throws IOException {
        final JsonNode fixture = fixture();
        final JsonNode shape = fixture.get("shape");
        final Shape input =
                new Shape(
                        shape.get("batch").asLong(),
                        shape.get("length").asLong(),
                        shape.get("input").asLong());
        final int hidden = shape.get("hidden").asInt();
        try (NDManager manager = NDManager.newBaseManager()) {
            final BiLstm block = new BiLstm(hidden);
            block.initialize(manager, DataType.FLOAT32, input);
            final JsonNode torch = fixture.get("parameters");
            for (final var p : block.getParameters()) {
                final Parameter parameter = p.getValue();
                final NDArray array = parameter.getArray();
                array.set(floats(torch.get(NAMES.get(p.getKey())).get("values")));
                array.setRequiresGradient(true);
            }
            final NDArray x = manager.create(floats(fixture.get("x")), input);
            x.setRequiresGradient(true);
            final NDArray g =
                    manager.create(
                            floats(fixture.get("g")),
                            new Shape(input.get(0), input.get(1), 2L * hidden));

            final NDArray output;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                output =
                        block.forward(new ParameterStore(manager, false), new NDList(x), true)
                                .singletonOrThrow();
                collector.backward(output.mul(g).sum());
            }

            assertClose("output", output.toFloatArray(), fixture.get("output"));
            assertClose("input gradient", x.getGradient().toFloatArray(), fixture.get("xGradient"));
            for (final var p : block.getParameters()) {
                final String name = NAMES.get(p.getKey());
                assertClose(
                        name + " gradient",
                        p.getValue().getArray().getGradient().toFloatArray(),
                        torch.get(name).get("gradient"));
            }
        }
    }

    private static void assertClose(
            final String what, final float[] actual, final JsonNode expected) {
        final float[] want = floats(expected);
        assertThat(actual).as(what).hasSize(want.length);
        for (int i = 0; i < want.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(want[i], TOLERANCE);
        }
    }

    private static float[] floats(final JsonNode values) {
        final float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = BiLstmPyTorchTest.class.getResourceAsStream("bilstm_pytorch.json")) {
            assertThat(in).as("bilstm_pytorch.json on the test class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
