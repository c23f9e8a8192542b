package io.dreamloop.predictor.model.artifact;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.nn.AutosomeFinalBlock;
import io.dreamloop.predictor.model.nn.DreamAttn;
import io.dreamloop.predictor.model.nn.DreamAttnConfig;
import io.dreamloop.predictor.model.nn.DreamCnn;
import io.dreamloop.predictor.model.nn.DreamCnnConfig;
import io.dreamloop.predictor.model.nn.DreamRnn;
import io.dreamloop.predictor.model.nn.DreamRnnConfig;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Our own models as artifacts: the architecture and its configuration in the manifest, the DJL
 * parameters as the weights file. A stored model is rebuilt from its configuration and loaded.
 */
public final class DjlModels {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "model";

    private DjlModels() {}

    /** The configuration record of an architecture as a JSON-friendly map, for the manifest. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> configurationOf(final Record config) {
        return JSON.convertValue(config, Map.class);
    }

    /**
     * The configuration record of an architecture from its manifest form, e.g. to compare two
     * configurations whatever number types JSON gave them.
     *
     * @throws IllegalArgumentException when the configuration does not fit the architecture
     */
    public static Record configurationRecord(
            final Architecture architecture, final Map<String, Object> configuration) {
        try {
            return switch (architecture) {
                case DREAM_CNN -> JSON.convertValue(configuration, DreamCnnConfig.class);
                case DREAM_RNN -> JSON.convertValue(configuration, DreamRnnConfig.class);
                case DREAM_ATTN -> JSON.convertValue(configuration, DreamAttnConfig.class);
            };
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "configuration %s does not describe a %s: %s"
                            .formatted(configuration, architecture.wireName(), e.getMessage()),
                    e);
        }
    }

    /** An architecture's configuration at a named size. */
    public static Record configuration(final Architecture architecture, final ModelSize size) {
        final boolean paper = size == ModelSize.PAPER;
        return switch (architecture) {
            case DREAM_CNN -> paper ? DreamCnnConfig.paper() : DreamCnnConfig.cpu();
            case DREAM_RNN -> paper ? DreamRnnConfig.paper() : DreamRnnConfig.cpu();
            case DREAM_ATTN -> paper ? DreamAttnConfig.paper() : DreamAttnConfig.cpu();
        };
    }

    /**
     * Builds an architecture from its manifest configuration.
     *
     * @throws IllegalArgumentException when the configuration does not fit the architecture
     */
    public static PrixFixeNet build(
            final Architecture architecture, final Map<String, Object> configuration) {
        return build(architecture, configuration, new AutosomeFinalBlock());
    }

    /**
     * Builds an architecture's first layers and core from its manifest configuration with another
     * final block (e.g. a {@code RegressionHead} for other assays).
     *
     * @throws IllegalArgumentException when the configuration does not fit the architecture
     */
    public static PrixFixeNet build(
            final Architecture architecture,
            final Map<String, Object> configuration,
            final Block last) {
        final Record config = configurationRecord(architecture, configuration);
        return switch (config) {
            case DreamCnnConfig c -> DreamCnn.build(c, last);
            case DreamRnnConfig c -> DreamRnn.build(c, last);
            case DreamAttnConfig c -> DreamAttn.build(c, last);
            default -> throw new IllegalStateException("unexpected configuration " + config);
        };
    }

    /** Writes a model's parameters to a temporary file and stores them with a manifest. */
    public static ModelManifest store(
            final ModelStore store,
            final Model model,
            final String modelVersion,
            final Architecture architecture,
            final Record configuration,
            final String parentVersion,
            final Map<String, String> lineage) {
        return store(
                store,
                model,
                modelVersion,
                architecture,
                configurationOf(configuration),
                parentVersion,
                lineage);
    }

    /**
     * Writes a model's parameters to a temporary file and stores them with a manifest, the
     * configuration given as the manifest carries it (see {@link #configurationOf}).
     */
    public static ModelManifest store(
            final ModelStore store,
            final Model model,
            final String modelVersion,
            final Architecture architecture,
            final Map<String, Object> configuration,
            final String parentVersion,
            final Map<String, String> lineage) {
        try {
            final Path dir = Files.createTempDirectory("dreamloop-model-");
            model.save(dir, PREFIX);
            final Path params = dir.resolve(PREFIX + "-0000.params");
            final ModelManifest manifest =
                    store.put(
                            params,
                            modelVersion,
                            architecture.wireName(),
                            ModelManifest.DJL,
                            parentVersion,
                            configuration,
                            lineage);
            Files.delete(params);
            Files.delete(dir);
            return manifest;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot save model " + modelVersion, e);
        }
    }

    /**
     * Loads a stored DJL-format model on a device in float32; the weights are verified by the
     * store.
     *
     * @throws IllegalArgumentException when the artifact is not in DJL format or does not load
     */
    public static Model load(final ModelStore store, final String sha256, final Device device) {
        return load(store, sha256, device, Precision.FLOAT32);
    }

    /**
     * Loads a stored DJL-format model on a device in a precision; the weights are verified by the
     * store. In {@code float16} or {@code bfloat16} every parameter (BatchNorm statistics included)
     * is cast after loading, as PyTorch's {@code module.half()} or {@code module.bfloat16()} does;
     * the model then expects inputs of that type ({@code ModelScorer} casts them).
     *
     * @throws IllegalArgumentException when the artifact is not in DJL format or does not load, or
     *     the engine cannot run the precision on the device ({@link Precision#requireSupportedOn})
     * @throws ArtifactIntegrityException when the weights do not hash to the artifact's address
     */
    public static Model load(
            final ModelStore store,
            final String sha256,
            final Device device,
            final Precision precision) {
        precision.requireSupportedOn(device);
        final ModelManifest manifest = store.manifest(sha256);
        if (!ModelManifest.DJL.equals(manifest.format())) {
            throw new IllegalArgumentException(
                    "artifact %s is %s, not djl".formatted(sha256, manifest.format()));
        }
        final Path weights = store.verifiedWeights(sha256);
        final PrixFixeNet net =
                build(Architecture.fromWireName(manifest.architecture()), manifest.configuration());
        final Model model = Model.newInstance(manifest.modelVersion(), device, "PyTorch");
        try {
            model.setBlock(net);
            net.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
            model.load(weights.getParent(), PREFIX);
            if (precision != Precision.FLOAT32) {
                cast(net, precision.dataType());
            }
            return model;
        } catch (final IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException(
                    "cannot load model %s: %s".formatted(manifest.modelVersion(), e.getMessage()),
                    e);
        }
    }

    /**
     * Casts every parameter of a block to a type in place of the loaded one (DJL's {@code
     * Block.cast} is not implemented); the cast copy lives in the original's manager. Models are
     * trained in float32 ({@code DreamTrainer}); this is how a reduced precision is served.
     */
    public static void cast(final Block block, final DataType type) {
        for (final Parameter p : block.getParameters().values()) {
            final NDArray cast = p.getArray().toType(type, true);
            p.close();
            p.setShape(null);
            p.setArray(cast);
        }
    }
}
