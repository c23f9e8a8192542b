package io.dreamloop.predictor.model.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.dreamloop.predictor.model.nn.TorchPickle.PickledObject;
import io.dreamloop.predictor.model.nn.TorchPickle.TensorRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The float32 parameters <em>and buffers</em> of a TorchScript archive ({@code .pt}), read straight
 * from the zip, and copied by name into a DJL block tree.
 *
 * <p>Why not through the engine: DJL's PyTorch {@code PtSymbolBlock} lists a module's parameters
 * but not its buffers, so BatchNorm running statistics, which eval mode needs, are out of reach
 * there. The archive's {@code data.pkl} names every tensor ({@link TorchPickle}), and {@code
 * data/<key>} holds its little-endian bytes. Non-float tensors ({@code num_batches_tracked}) are
 * skipped.
 */
public final class TorchScriptWeights {
    /**
     * One float32 tensor.
     *
     * @param shape PyTorch's shape
     * @param values row-major values
     */
    public record Tensor(Shape shape, float[] values) {
        /** Checks that the values fill the shape. */
        public Tensor {
            if (shape.size() != values.length) {
                throw new IllegalArgumentException(
                        "shape %s needs %d values, but got %d"
                                .formatted(shape, shape.size(), values.length));
            }
        }
    }

    private static final Map<String, String> BATCH_NORM_NAMES =
            Map.of(
                    "weight", "gamma",
                    "bias", "beta",
                    "running_mean", "runningMean",
                    "running_var", "runningVar");

    private final Map<String, Tensor> tensors;

    private TorchScriptWeights(final Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * Reads every float32 tensor of a TorchScript archive.
     *
     * @throws IOException when the archive cannot be read or is not TorchScript
     */
    public static TorchScriptWeights read(final Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            final ZipEntry pickle =
                    zip.stream()
                            .filter(e -> e.getName().matches("[^/]+/data\\.pkl"))
                            .findFirst()
                            .orElseThrow(() -> new IOException("no data.pkl in " + archive));
            final String prefix = pickle.getName().substring(0, pickle.getName().indexOf('/') + 1);
            final Map<String, TensorRef> refs = new LinkedHashMap<>();
            collect(TorchPickle.load(zip.getInputStream(pickle).readAllBytes()), "", refs);
            final Map<String, byte[]> storages = new HashMap<>();
            final Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (final Map.Entry<String, TensorRef> e : refs.entrySet()) {
                final TensorRef ref = e.getValue();
                if (!"FloatStorage".equals(ref.storage().type())) {
                    continue;
                }
                final byte[] bytes =
                        storages.computeIfAbsent(
                                ref.storage().key(), key -> entry(zip, prefix + "data/" + key));
                tensors.put(e.getKey(), tensor(e.getKey(), ref, bytes));
            }
            return new TorchScriptWeights(tensors);
        } catch (final IllegalStateException e) {
            throw new IOException("cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    /** The tensors by PyTorch name (e.g. {@code core.0.inv.1.running_mean}), in archive order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /**
     * Copies the weights of the reference DREAM-CNN into an initialized {@link DreamCnn}: its
     * modules {@code first.a}, {@code first.b} are the BHI branches in kernel order, {@code
     * core.<i>.inv} / {@code core.<i>.resize} the Autosome stages, {@code final.c} the mapper.
     *
     * @throws IllegalArgumentException when a name or shape does not match, or a DJL parameter
     *     stays without a value
     */
    public void copyIntoDreamCnn(final PrixFixeNet net) {
        final Map<String, String> aliases = new HashMap<>(Map.of("inv", "inv_res", "c", "mapper"));
        final List<String> branches =
                net.first().getChildren().keys().stream()
                        .map(TorchScriptWeights::withoutCounter)
                        .filter(k -> k.startsWith("conv_"))
                        .toList();
        for (int i = 0; i < branches.size(); i++) {
            aliases.put(String.valueOf((char) ('a' + i)), branches.get(i));
        }
        copyInto(net, aliases);
    }

    /**
     * Copies every tensor into the parameter of the same dotted path. A path segment names a child
     * block (through {@code aliases} where PyTorch and DJL names differ) or, when numeric, the
     * child at that index; BatchNorm's {@code weight, bias} are DJL's {@code gamma, beta}.
     *
     * @throws IllegalArgumentException when a name or shape does not match, or a DJL parameter
     *     stays without a value
     */
    public void copyInto(final Block root, final Map<String, String> aliases) {
        final Set<Parameter> copied = Collections.newSetFromMap(new IdentityHashMap<>());
        for (final Map.Entry<String, Tensor> e : tensors.entrySet()) {
            final Parameter parameter = resolve(root, e.getKey(), aliases);
            final Tensor tensor = e.getValue();
            if (!parameter.getArray().getShape().equals(tensor.shape())) {
                throw new IllegalArgumentException(
                        "%s: PyTorch shape %s, DJL shape %s"
                                .formatted(
                                        e.getKey(),
                                        tensor.shape(),
                                        parameter.getArray().getShape()));
            }
            parameter.getArray().set(FloatBuffer.wrap(tensor.values()));
            copied.add(parameter);
        }
        final List<String> missing =
                root.getParameters().stream()
                        .filter(p -> !copied.contains(p.getValue()))
                        .map(Pair::getKey)
                        .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no PyTorch tensor for " + missing);
        }
    }

    private static Parameter resolve(
            final Block root, final String name, final Map<String, String> aliases) {
        final String[] path = name.split("\\.");
        Block block = root;
        for (int i = 0; i < path.length - 1; i++) {
            block = child(block, path[i], aliases, name);
        }
        final String leaf = path[path.length - 1];
        final String djlName =
                block instanceof BatchNorm ? BATCH_NORM_NAMES.getOrDefault(leaf, leaf) : leaf;
        final Parameter parameter = block.getDirectParameters().get(djlName);
        if (parameter == null) {
            throw new IllegalArgumentException(
                    "%s: block %s has no parameter %s"
                            .formatted(name, block.getClass().getSimpleName(), djlName));
        }
        return parameter;
    }

    private static Block child(
            final Block parent,
            final String segment,
            final Map<String, String> aliases,
            final String name) {
        final PairList<String, Block> children = parent.getChildren();
        final String wanted = aliases.getOrDefault(segment, segment);
        for (final Pair<String, Block> c : children) {
            if (withoutCounter(c.getKey()).equals(wanted)) {
                return c.getValue();
            }
        }
        if (segment.chars().allMatch(Character::isDigit)
                && Integer.parseInt(segment) < children.size()) {
            return children.valueAt(Integer.parseInt(segment));
        }
        throw new IllegalArgumentException(
                "%s: no child '%s' in %s, whose children are %s"
                        .formatted(
                                name, segment, parent.getClass().getSimpleName(), children.keys()));
    }

    /** DJL prefixes child names with a two-digit counter ({@code 01first}); PyTorch does not. */
    private static String withoutCounter(final String childName) {
        return childName.replaceFirst("^\\d{2}", "");
    }

    private static void collect(
            final Object node, final String prefix, final Map<String, TensorRef> out) {
        if (node instanceof PickledObject module) {
            for (final Map.Entry<Object, Object> e : module.state().entrySet()) {
                final String name = prefix + e.getKey();
                if (e.getValue() instanceof TensorRef ref) {
                    out.put(name, ref);
                } else {
                    collect(e.getValue(), name + ".", out);
                }
            }
        }
    }

    private static Tensor tensor(final String name, final TensorRef ref, final byte[] storage) {
        final Shape shape = new Shape(ref.shape());
        long expected = 1;
        for (int d = ref.shape().length - 1; d >= 0; d--) {
            if (ref.shape()[d] > 1 && ref.stride()[d] != expected) {
                throw new IllegalStateException(name + " is not contiguous");
            }
            expected *= ref.shape()[d];
        }
        final float[] values = new float[Math.toIntExact(shape.size())];
        ByteBuffer.wrap(storage)
                .order(ByteOrder.LITTLE_ENDIAN)
                .position(Math.toIntExact(ref.offset() * Float.BYTES))
                .asFloatBuffer()
                .get(values);
        return new Tensor(shape, values);
    }

    private static byte[] entry(final ZipFile zip, final String name) {
        try {
            final ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IllegalStateException("missing storage " + name);
            }
            return zip.getInputStream(entry).readAllBytes();
        } catch (final IOException e) {
            throw new IllegalStateException("cannot read storage " + name, e);
        }
    }
}
