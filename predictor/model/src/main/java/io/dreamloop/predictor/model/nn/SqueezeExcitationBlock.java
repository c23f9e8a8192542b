package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Prix Fixe's {@code SELayerSimple} (SPEC §2.1): channel weights from the mean over positions,
 * {@code Linear(C -> H) -> SiLU -> Linear(H -> C) -> Sigmoid}, multiplied onto the input. Input and
 * output {@code (N, C, L)}.
 *
 * <p>In the Autosome block the hidden width {@code H} derives from the block's <em>input</em>
 * width, not from {@code C}; the caller passes it in. Linear weights start at {@code N(0, 0.001)}
 * and biases at 0, as Autosome's {@code initialize_weights} does, so a fresh gate is close to 0.5.
 */
public final class SqueezeExcitationBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float LINEAR_WEIGHT_SD = 0.001f;

    private final int channels;
    private final int hidden;
    private final Linear squeeze;
    private final Linear excite;

    /**
     * @param channels {@code C}, the channels gated
     * @param hidden {@code H}, the bottleneck width
     */
    public SqueezeExcitationBlock(final int channels, final int hidden) {
        super(VERSION);
        if (channels < 1 || hidden < 1) {
            throw new IllegalArgumentException(
                    "SE widths must be positive, but channels=%d, hidden=%d"
                            .formatted(channels, hidden));
        }
        this.channels = channels;
        this.hidden = hidden;
        this.squeeze = addChildBlock("l1", linear(hidden));
        this.excite = addChildBlock("l2", linear(channels));
    }

    private static Linear linear(final int units) {
        final Linear linear = Linear.builder().setUnits(units).optBias(true).build();
        linear.setInitializer(new NormalInitializer(LINEAR_WEIGHT_SD), Parameter.Type.WEIGHT);
        return linear;
    }

    @Override
    protected NDList forwardInternal(
            final ParameterStore parameterStore,
            final NDList inputs,
            final boolean training,
            final PairList<String, Object> params) {
        final NDArray x = inputs.singletonOrThrow();
        final NDList mean = new NDList(x.mean(new int[] {2}));
        final NDArray h =
                Silu.apply(
                        squeeze.forward(parameterStore, mean, training, params).singletonOrThrow());
        final NDArray gate =
                Activation.sigmoid(
                        excite.forward(parameterStore, new NDList(h), training, params)
                                .singletonOrThrow());
        return new NDList(x.mul(gate.expandDims(2)));
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(
            final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final long batch = inputShapes[0].get(0);
        squeeze.initialize(manager, dataType, new Shape(batch, channels));
        excite.initialize(manager, dataType, new Shape(batch, hidden));
    }
}
