package io.dreamloop.predictor.model.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds, in compiled classes, the DJL calls whose backward pass reads a number from memory that
 * Java has freed ({@link Scalars} says why): arithmetic with a {@code Number} argument whose
 * backward needs that operand, and DJL helpers built on it. Code that runs under a gradient
 * collector uses {@link Scalars} instead; a test per package asserts that this finds nothing.
 */
public final class NumberArithmeticCalls {
    /** Operations whose backward keeps the other operand: {@code mul}'s gradient is the other. */
    private static final Set<String> KEEP_OPERAND =
            Set.of("mul", "muli", "div", "divi", "pow", "powi", "maximum", "minimum");

    /** DJL methods that call one of those with a number of their own. */
    private static final Set<String> DJL_HELPERS =
            Set.of("swish", "swishBlock", "mish", "mishBlock", "rsub", "rdiv", "scaleGradient");

    private static final String NUMBER = "Ljava/lang/Number;";

    private NumberArithmeticCalls() {}

    /** The offending calls in every class compiled into {@code anchor}'s package (not below). */
    public static List<String> inPackageOf(final Class<?> anchor) {
        final Path dir = classesRoot(anchor).resolve(anchor.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            final List<String> calls = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".class"))
                    .sorted()
                    .forEach(f -> calls.addAll(in(read(f))));
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offending calls in one compiled class (its nested classes are files of their own). */
    public static List<String> in(final Class<?> type) {
        final Path file = classesRoot(type).resolve(type.getName().replace('.', '/') + ".class");
        return in(read(file));
    }

    private static List<String> in(final ClassModel model) {
        final List<String> calls = new ArrayList<>();
        for (MethodModel method : model.methods()) {
            method.code()
                    .ifPresent(
                            code -> {
                                for (CodeElement element : code) {
                                    if (element instanceof InvokeInstruction call
                                            && offends(call)) {
                                        calls.add(describe(model, method, call));
                                    }
                                }
                            });
        }
        return calls;
    }

    private static boolean offends(final InvokeInstruction call) {
        if (!call.owner().asInternalName().startsWith("ai/djl/")) {
            return false;
        }
        final String name = call.name().stringValue();
        return DJL_HELPERS.contains(name)
                || KEEP_OPERAND.contains(name) && call.type().stringValue().contains(NUMBER);
    }

    private static String describe(
            final ClassModel model, final MethodModel method, final InvokeInstruction call) {
        return "%s.%s calls %s.%s%s"
                .formatted(
                        model.thisClass().asInternalName(),
                        method.methodName().stringValue(),
                        call.owner().asInternalName(),
                        call.name().stringValue(),
                        call.type().stringValue());
    }

    private static ClassModel read(final Path file) {
        try {
            return ClassFile.of().parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classesRoot(final Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
