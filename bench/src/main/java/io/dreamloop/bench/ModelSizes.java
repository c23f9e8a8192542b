package io.dreamloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.nn.Parameters;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import java.util.List;

/** The model sizes the benchmarks compare, by their wire names ({@link ModelSize}). */
final class ModelSizes {
    /** The sizes by name. */
    static final List<String> SIZES = ModelSize.wireNames();

    private ModelSizes() {}

    /**
     * The configuration record of an architecture at a size.
     *
     * @throws IllegalArgumentException naming the sizes when {@code size} is none of them
     */
    static Record configuration(final Architecture architecture, final String size) {
        return DjlModels.configuration(architecture, ModelSize.fromWireName(size));
    }

    /** A new, uninitialized network of an architecture at a size. */
    static PrixFixeNet build(final Architecture architecture, final String size) {
        return DjlModels.build(
                architecture, DjlModels.configurationOf(configuration(architecture, size)));
    }

    /** Trainable parameters of an architecture at a size. */
    static long parameters(final Architecture architecture, final String size) {
        final PrixFixeNet net = build(architecture, size);
        try (Model model = Model.newInstance("count", Device.cpu(), "PyTorch")) {
            model.setBlock(net);
            net.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
            return Parameters.countTrainable(net);
        }
    }
}
