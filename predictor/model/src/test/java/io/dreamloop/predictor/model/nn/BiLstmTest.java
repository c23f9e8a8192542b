package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Bi-LSTM against an LSTM written out in plain Java from the block's own parameter arrays, with
 * PyTorch's equations and gate order {@code i, f, g, o}:
 *
 * <pre>
 * gates = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh      (rows: i, f, g, o)
 * c_t = sigmoid(f) * c_{t-1} + sigmoid(i) * tanh(g)
 * h_t = sigmoid(o) * tanh(c_t)
 * </pre>
 *
 * If DJL ordered the gates differently, or paired the parameters differently, this would fail.
 */
class BiLstmTest {
    private static final int BATCH = 2;
    private static final int LENGTH = 7;
    private static final int INPUT = 5;
    private static final int HIDDEN = 3;

    /**
     * A half-precision model (the predictor's {@code float16}) feeds its LSTMs half-precision
     * inputs; their initial states must be half too, or the engine refuses the pass.
     */
    @Test
    void runsInHalfPrecisionCloseToSinglePrecision() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(11);
            final BiLstm block = new BiLstm(HIDDEN);
            final Shape shape = new Shape(BATCH, LENGTH, INPUT);
            block.initialize(manager, DataType.FLOAT32, shape);
            final NDArray x = manager.randomNormal(shape);
            final float[] single =
                    block.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .head()
                            .toFloatArray();
            for (final Parameter p : block.getParameters().values()) {
                final NDArray half = p.getArray().toType(DataType.FLOAT16, true);
                p.close();
                p.setShape(null);
                p.setArray(half);
            }
            final NDArray out =
                    block.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(x.toType(DataType.FLOAT16, true)),
                                    false)
                            .head();
            assertThat(out.getDataType()).isEqualTo(DataType.FLOAT16);
            assertThat(out.toType(DataType.FLOAT32, false).toFloatArray())
                    .containsExactly(single, Offset.offset(5e-3f));
        }
    }

    /**
     * Hidden sizes for which libtorch 2.7.1's inference kernel was wrong on AMD EPYC (3, 16, 33)
     * and right (32): the block is right either way ({@link LstmKernels}).
     */
    @ParameterizedTest(name = "hidden {0}")
    @ValueSource(ints = {HIDDEN, 16, 32, 33})
    void equalsAPlainJavaLstmInPyTorchGateOrderInBothDirections(final int hidden) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            final BiLstm block = new BiLstm(hidden);
            final Shape shape = new Shape(BATCH, LENGTH, INPUT);
            block.initialize(manager, DataType.FLOAT32, shape);
            final NDArray x = manager.randomNormal(shape);

            final float[] actual =
                    block.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .singletonOrThrow()
                            .toFloatArray();

            assertThat(actual).hasSize(BATCH * LENGTH * 2 * hidden);
            final float[] in = x.toFloatArray();
            final float[] ahead = reference(block.forwardLstm(), in, hidden, false);
            final float[] behind = reference(block.backwardLstm(), in, hidden, true);
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < LENGTH; t++) {
                    for (int j = 0; j < hidden; j++) {
                        final int at = ((b * LENGTH) + t) * 2 * hidden;
                        final int ref = ((b * LENGTH) + t) * hidden + j;
                        assertThat(actual[at + j]).isCloseTo(ahead[ref], Offset.offset(1e-5f));
                        assertThat(actual[at + hidden + j])
                                .isCloseTo(behind[ref], Offset.offset(1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void storesPyTorchShapedParametersInitializedLikePyTorch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            final BiLstm block = new BiLstm(HIDDEN);
            block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, LENGTH, INPUT));
            assertThat(block.getParameters().keys())
                    .containsExactly(
                            "01forward_l_0_i2h_WEIGHT",
                            "01forward_l_0_h2h_WEIGHT",
                            "01forward_l_0_i2h_BIAS",
                            "01forward_l_0_h2h_BIAS",
                            "02backward_l_0_i2h_WEIGHT",
                            "02backward_l_0_h2h_WEIGHT",
                            "02backward_l_0_i2h_BIAS",
                            "02backward_l_0_h2h_BIAS");
            final ParameterList direct = block.forwardLstm().getParameters();
            assertThat(direct.keys())
                    .containsExactly(
                            "l_0_i2h_WEIGHT", "l_0_h2h_WEIGHT", "l_0_i2h_BIAS", "l_0_h2h_BIAS");
            assertThat(direct.get("l_0_i2h_WEIGHT").getShape())
                    .isEqualTo(new Shape(4 * HIDDEN, INPUT));
            assertThat(direct.get("l_0_h2h_WEIGHT").getShape())
                    .isEqualTo(new Shape(4 * HIDDEN, HIDDEN));
            final float bound = (float) (1 / Math.sqrt(HIDDEN));
            for (final Pair<String, Parameter> p : block.getParameters()) {
                final NDArray values = p.getValue().getArray();
                assertThat(values.abs().max().getFloat()).isLessThanOrEqualTo(bound);
            }
            assertThat(Parameters.countTrainable(block))
                    .isEqualTo(2L * 4 * HIDDEN * (INPUT + HIDDEN + 2));
        }
    }

    /**
     * Why {@link BiLstm} exists: DJL's own bidirectional LSTM with biases hands its parameters to
     * PyTorch in the wrong order. If this starts passing, DJL has fixed it.
     */
    @Test
    void djlsBidirectionalLstmWithBiasesFailsOnThePyTorchEngine() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final LSTM lstm =
                    LSTM.builder()
                            .setStateSize(HIDDEN)
                            .setNumLayers(1)
                            .optBatchFirst(true)
                            .optBidirectional(true)
                            .build();
            final Shape shape = new Shape(BATCH, LENGTH, INPUT);
            lstm.initialize(manager, DataType.FLOAT32, shape);
            final NDList x = new NDList(manager.ones(shape));
            assertThatThrownBy(() -> lstm.forward(new ParameterStore(manager, false), x, false))
                    .isInstanceOf(EngineException.class);
        }
    }

    /** One direction of a one-layer LSTM; output {@code (N, L, H)} flattened, in input order. */
    private static float[] reference(
            final LSTM lstm, final float[] x, final int hidden, final boolean reverse) {
        final ParameterList p = lstm.getParameters();
        final float[] wih = p.get("l_0_i2h_WEIGHT").getArray().toFloatArray();
        final float[] whh = p.get("l_0_h2h_WEIGHT").getArray().toFloatArray();
        final float[] bih = p.get("l_0_i2h_BIAS").getArray().toFloatArray();
        final float[] bhh = p.get("l_0_h2h_BIAS").getArray().toFloatArray();
        final float[] out = new float[BATCH * LENGTH * hidden];
        for (int b = 0; b < BATCH; b++) {
            final double[] h = new double[hidden];
            final double[] c = new double[hidden];
            for (int step = 0; step < LENGTH; step++) {
                final int t = reverse ? LENGTH - 1 - step : step;
                final double[] gates = new double[4 * hidden];
                for (int r = 0; r < 4 * hidden; r++) {
                    double sum = bih[r] + bhh[r];
                    for (int k = 0; k < INPUT; k++) {
                        sum += wih[r * INPUT + k] * x[((b * LENGTH) + t) * INPUT + k];
                    }
                    for (int k = 0; k < hidden; k++) {
                        sum += whh[r * hidden + k] * h[k];
                    }
                    gates[r] = sum;
                }
                for (int j = 0; j < hidden; j++) {
                    final double i = sigmoid(gates[j]);
                    final double f = sigmoid(gates[hidden + j]);
                    final double g = Math.tanh(gates[2 * hidden + j]);
                    final double o = sigmoid(gates[3 * hidden + j]);
                    c[j] = f * c[j] + i * g;
                    h[j] = o * Math.tanh(c[j]);
                    out[((b * LENGTH) + t) * hidden + j] = (float) h[j];
                }
            }
        }
        return out;
    }

    private static double sigmoid(final double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
