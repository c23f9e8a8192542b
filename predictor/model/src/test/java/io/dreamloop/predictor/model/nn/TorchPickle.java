package io.dreamloop.predictor.model.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a pickle (protocol 2) reader for the {@code data.pkl} of a TorchScript archive:
 * the module tree, whose tensors point at storages in the archive's {@code data/} folder.
 *
 * <p>TorchScript writes modules as {@code NEWOBJ} + {@code BUILD} with a dict of attributes, and
 * tensors as {@code torch._utils._rebuild_tensor_v2(persistent storage id, offset, size, stride,
 * ...)}. Nothing is executed: globals stay names, and other reductions stay inert {@link Reduced}
 * values.
 */
final class TorchPickle {
    /** A {@code module name} pair from a GLOBAL opcode. */
    record Global(String module, String name) {}

    /** A module (or other object) built by NEWOBJ and BUILD; {@code state} is its attributes. */
    record PickledObject(Global type, Map<Object, Object> state) {}

    /** A persistent storage id {@code ('storage', type, key, location, numel)}. */
    record Storage(String type, String key, long numel) {}

    /** A tensor: a view of a storage. */
    record TensorRef(Storage storage, long offset, long[] shape, long[] stride) {}

    /** A reduction this reader does not interpret. */
    record Reduced(Object callable, Object args) {}

    private static final Object MARK = new Object();
    private static final Global REBUILD_TENSOR = new Global("torch._utils", "_rebuild_tensor_v2");
    private static final Global ORDERED_DICT = new Global("collections", "OrderedDict");

    private final ByteBuffer in;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private TorchPickle(final byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The unpickled root object.
     *
     * @throws IOException on an opcode outside the subset TorchScript uses
     */
    static Object load(final byte[] bytes) throws IOException {
        try {
            return new TorchPickle(bytes).run();
        } catch (final RuntimeException e) {
            throw new IOException("malformed pickle: " + e.getMessage(), e);
        }
    }

    private Object run() throws IOException {
        while (in.hasRemaining()) {
            final int at = in.position();
            final int op = in.get() & 0xff;
            if (op == '.') {
                return pop();
            }
            if (!step(op)) {
                throw new IOException(
                        "unsupported pickle opcode 0x%02x at byte %d".formatted(op, at));
            }
        }
        throw new IOException("pickle ended without STOP");
    }

    /** Executes one opcode; false if it is not supported. */
    private boolean step(final int op) {
        switch (op) {
            case 0x80 -> in.get(); // PROTO
            case 'c' -> push(new Global(line(), line()));
            case 'q' -> memo.put((long) (in.get() & 0xff), peek());
            case 'r' -> memo.put(in.getInt() & 0xffffffffL, peek());
            case 'h' -> push(memo.get((long) (in.get() & 0xff)));
            case 'j' -> push(memo.get(in.getInt() & 0xffffffffL));
            case '(' -> push(MARK);
            case ')' -> push(List.of());
            case ']' -> push(new ArrayList<>());
            case '}' -> push(new LinkedHashMap<>());
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'K' -> push((long) (in.get() & 0xff));
            case 'M' -> push((long) (in.getShort() & 0xffff));
            case 'J' -> push((long) in.getInt());
            case 0x8a -> push(long1());
            case 'G' -> push(ByteBuffer.wrap(bytes(8)).getDouble()); // big-endian
            case 'X' -> push(new String(bytes(in.getInt()), StandardCharsets.UTF_8));
            case 't' -> push(tuple(popMark()));
            case 0x85, 0x86, 0x87 -> push(tuple(popN(op - 0x84)));
            case 'Q' -> push(storage((List<?>) pop()));
            case 'R' -> {
                final Object args = pop();
                push(reduce(pop(), (List<?>) args));
            }
            case 0x81 -> {
                pop(); // constructor arguments: () for TorchScript modules
                push(new PickledObject((Global) pop(), new LinkedHashMap<>()));
            }
            case 'b' -> {
                final Object state = pop();
                ((PickledObject) peek()).state().putAll((Map<?, ?>) state);
            }
            case 's' -> {
                final Object value = pop();
                dict(peek()).put(pop(), value);
            }
            case 'u' -> {
                final List<Object> items = popMark();
                for (int i = 0; i < items.size(); i += 2) {
                    dict(peek()).put(items.get(i), items.get(i + 1));
                }
            }
            case 'a' -> {
                final Object value = pop();
                list(peek()).add(value);
            }
            case 'e' -> {
                final List<Object> items = popMark();
                list(peek()).addAll(items);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Object reduce(final Object callable, final List<?> args) {
        if (REBUILD_TENSOR.equals(callable)) {
            return new TensorRef(
                    (Storage) args.get(0),
                    (Long) args.get(1),
                    longs((List<?>) args.get(2)),
                    longs((List<?>) args.get(3)));
        }
        if (ORDERED_DICT.equals(callable)) {
            return new LinkedHashMap<>();
        }
        return new Reduced(callable, args);
    }

    private static Storage storage(final List<?> pid) {
        if (pid.size() != 5 || !"storage".equals(pid.get(0))) {
            throw new IllegalStateException("unknown persistent id " + pid);
        }
        return new Storage(((Global) pid.get(1)).name(), (String) pid.get(2), (Long) pid.get(4));
    }

    private static long[] longs(final List<?> values) {
        return values.stream().mapToLong(v -> (Long) v).toArray();
    }

    private static List<Object> tuple(final List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(final Object o) {
        return (Map<Object, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(final Object o) {
        return (List<Object>) o;
    }

    private Object long1() {
        final byte[] le = bytes(in.get() & 0xff);
        long value = le.length > 0 && le[le.length - 1] < 0 ? -1L : 0L;
        for (int i = le.length - 1; i >= 0; i--) {
            value = (value << 8) | (le[i] & 0xff);
        }
        return value;
    }

    private String line() {
        final StringBuilder s = new StringBuilder();
        for (byte b = in.get(); b != '\n'; b = in.get()) {
            s.append((char) b);
        }
        return s.toString();
    }

    private byte[] bytes(final int n) {
        final byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private void push(final Object o) {
        stack.add(o);
    }

    private Object pop() {
        return stack.removeLast();
    }

    private Object peek() {
        return stack.getLast();
    }

    private List<Object> popN(final int n) {
        final List<Object> items = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return items;
    }

    private List<Object> popMark() {
        final int mark = stack.lastIndexOf(MARK);
        if (mark < 0) {
            throw new IllegalStateException("no MARK on the stack");
        }
        final List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }
}
