package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * A one-layer bidirectional LSTM, batch first: {@code (N, L, C) -> (N, L, 2H)}, the features
 * ordered {@code [forward, backward]} as PyTorch's {@code nn.LSTM(bidirectional=True)} orders them.
 *
 * <p>Why not {@code LSTM.builder().optBidirectional(true)}: DJL lists a bidirectional LSTM's
 * parameters as {@code [l_w_ih, l_w_hh, r_w_ih, r_w_hh, l_b_ih, l_b_hh, r_b_ih, r_b_hh]} and hands
 * them to {@code torch::lstm} in that order, while PyTorch expects each direction's weights and
 * biases together ({@code [w_ih, w_hh, b_ih, b_hh]} per direction), so with biases the PyTorch
 * engine fails. This block holds two unidirectional DJL LSTMs instead (their order is PyTorch's)
 * and hands their parameters, forward then backward, to one bidirectional {@code torch::lstm} call:
 * PyTorch's own order, and one fused pass without reversing copies of the input and the output.
 *
 * <p>Parameters, for TorchScript import. DJL keeps PyTorch's gate order {@code i, f, g, o} in the
 * row blocks of every weight and bias (the arrays reach {@code torch::lstm} unchanged, and {@code
 * BiLstmTest} checks the equations against that order), so tensors copy over one to one:
 *
 * <table>
 *   <caption>DJL parameter = PyTorch {@code nn.LSTM} tensor</caption>
 *   <tr><td>{@code 01forward_l_0_i2h_WEIGHT (4H, C)}</td><td>{@code weight_ih_l0}</td></tr>
 *   <tr><td>{@code 01forward_l_0_h2h_WEIGHT (4H, H)}</td><td>{@code weight_hh_l0}</td></tr>
 *   <tr><td>{@code 01forward_l_0_i2h_BIAS (4H)}</td><td>{@code bias_ih_l0}</td></tr>
 *   <tr><td>{@code 01forward_l_0_h2h_BIAS (4H)}</td><td>{@code bias_hh_l0}</td></tr>
 *   <tr><td>{@code 02backward_l_0_*}</td><td>the same names with suffix {@code _reverse}</td></tr>
 * </table>
 *
 * <p>Initialization is PyTorch's LSTM default, every value {@code U(-1/sqrt(H), 1/sqrt(H))}.
 */
public final class BiLstm extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final LSTM forward;
    private final LSTM backward;

    /**
     * @param hidden hidden units per direction
     */
    public BiLstm(final int hidden) {
        super(VERSION);
        Checks.positive("hidden", hidden);
        this.hidden = hidden;
        this.forward = addChildBlock("forward", unidirectional(hidden));
        this.backward = addChildBlock("backward", unidirectional(hidden));
    }

    private static LSTM unidirectional(final int hidden) {
        return LSTM.builder()
                .setStateSize(hidden)
                .setNumLayers(1)
                .optBatchFirst(true)
                .optHasBiases(true)
                .build();
    }

    /** The LSTM that reads positions 0 to L-1. */
    public LSTM forwardLstm() {
        return forward;
    }

    /** The LSTM that reads positions L-1 to 0 (PyTorch's {@code *_reverse} parameters). */
    public LSTM backwardLstm() {
        return backward;
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDArray x = inputs.singletonOrThrow();
        if (needsTrainingKernel(x)) {
            return new NDList(
                    LstmKernels.inGradMode(true, () -> bidirectional(x, parameterStore, training)));
        }
        return new NDList(bidirectional(x, parameterStore, training));
    }

    /**
     * Both directions in one {@code lstm} call: parameters {@code [w_ih, w_hh, b_ih, b_hh]} of the
     * forward LSTM, then of the backward one, zero initial states {@code (2, N, H)} of the input's
     * type; outputs {@code (N, L, 2H)}, the final states freed at once.
     */
    private NDArray bidirectional(
            final NDArray x, final ParameterStore parameterStore, final boolean training) {
        final NDList weights = new NDList();
        for (final LSTM direction : new LSTM[] {forward, backward}) {
            for (final Parameter parameter : direction.getDirectParameters().values()) {
                weights.add(parameterStore.getValue(parameter, x.getDevice(), training));
            }
        }
        return call(x, weights, hidden, training);
    }

    /**
     * One bidirectional {@code torch::lstm} call from zero initial states {@code (2, N, H)} of the
     * input's type; {@code weights} are {@code [w_ih, w_hh, b_ih, b_hh]} forward, then backward.
     *
     * @return the outputs {@code (N, L, 2H)}; the final states are freed at once
     */
    static NDArray call(
            final NDArray x, final NDList weights, final long hidden, final boolean training) {
        final Shape state = new Shape(2, x.getShape().get(0), hidden);
        final NDList zeros =
                new NDList(
                        x.getManager().zeros(state, x.getDataType()),
                        x.getManager().zeros(state, x.getDataType()));
        final NDList out =
                x.getNDArrayInternal().lstm(x, zeros, weights, true, 1, 0, training, true, true);
        zeros.close();
        for (int i = 1; i < out.size(); i++) {
            out.get(i).close();
        }
        return out.head();
    }

    /**
     * Outside grad mode libtorch may pick an inference kernel that is wrong for this shape on this
     * machine ({@link LstmKernels}); in grad mode it takes the training kernel, and parameters that
     * require no gradient record no graph.
     */
    private boolean needsTrainingKernel(final NDArray x) {
        return "PyTorch".equals(x.getManager().getEngine().getEngineName())
                && !JniUtils.isGradMode()
                && !LstmKernels.inferenceKernelAgrees(
                        x.getManager(), x.getShape().get(2), hidden, x.getDataType());
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        final Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), 2L * hidden)};
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final UniformInitializer init = new UniformInitializer((float) (1 / Math.sqrt(hidden)));
        for (final LSTM lstm : new LSTM[] {forward, backward}) {
            lstm.setInitializer(init, Parameter.Type.WEIGHT);
            lstm.setInitializer(init, Parameter.Type.BIAS);
            lstm.initialize(manager, dataType, inputShapes);
        }
    }
}
