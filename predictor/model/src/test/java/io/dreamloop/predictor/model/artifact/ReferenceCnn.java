package io.dreamloop.predictor.model.artifact;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.nn.DreamCnn;
import io.dreamloop.predictor.model.nn.DreamCnnConfig;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import io.dreamloop.predictor.model.nn.TorchScriptWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The DREAM-CNN that PyTorch trained on demo_train ({@code ../shared/data/models/
 * dream_cnn_demo.pt}), its weights and BatchNorm buffers copied into our paper-size {@link
 * DreamCnn} and stored as one of our artifacts, named {@value #NAME}: tests that need a trained
 * model in our format start here (test-jar).
 */
public final class ReferenceCnn {
    /** The stored model's name. */
    public static final String NAME = "cnn-ref";

    private ReferenceCnn() {}

    /**
     * @param torchScript the traced reference, {@code models/dream_cnn_demo.pt} of the shared data
     * @return the stored artifact's manifest, tagged {@code source} = the archive's file name
     */
    public static ModelManifest store(final ModelStore store, final Path torchScript)
            throws IOException {
        final PrixFixeNet net = DreamCnn.build(DreamCnnConfig.paper());
        try (Model model = Model.newInstance(NAME, Device.cpu(), "PyTorch")) {
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 6, 150));
            TorchScriptWeights.read(torchScript).copyIntoDreamCnn(net);
            return DjlModels.store(
                    store,
                    model,
                    NAME,
                    Architecture.DREAM_CNN,
                    DreamCnnConfig.paper(),
                    null,
                    Map.of("source", torchScript.getFileName().toString()));
        }
    }
}
