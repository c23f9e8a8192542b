package io.dreamloop.bench;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This process's resident memory from {@code /proc/self/status}, with its peak ({@code VmHWM})
 * reset between measurements through {@code /proc/self/clear_refs} (Linux 4.0 and later), as the
 * PyTorch reference measures its own. NaN where {@code /proc} is missing.
 *
 * <p>Before each reset, memory that earlier measurements freed goes back to the kernel (glibc's
 * {@code malloc_trim}, where the C library has it). The launcher's malloc settings ({@code
 * deploy/java-env.sh}) keep freed memory in the heap for the next batch; without the trim a
 * measurement would reuse what an earlier one left and show almost no growth.
 */
final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final double KIB_PER_MIB = 1024.0;
    private static final MethodHandle MALLOC_TRIM = mallocTrim();

    private ResidentMemory() {}

    /**
     * Gives freed heap memory back to the kernel, then resets the peak to the current resident
     * memory; returns that, in MiB.
     */
    static double resetPeak() {
        trimFreedHeap();
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (final IOException e) {
            return Double.NaN;
        }
        return mib("VmRSS");
    }

    /** The peak resident memory since the last {@link #resetPeak}, in MiB. */
    static double peak() {
        return mib("VmHWM");
    }

    private static double mib(final String field) {
        try {
            final Matcher m =
                    Pattern.compile("^" + field + ":\\s+(\\d+) kB", Pattern.MULTILINE)
                            .matcher(Files.readString(STATUS));
            return m.find() ? Long.parseLong(m.group(1)) / KIB_PER_MIB : Double.NaN;
        } catch (final IOException e) {
            return Double.NaN;
        }
    }

    private static void trimFreedHeap() {
        if (MALLOC_TRIM == null) {
            return;
        }
        try {
            MALLOC_TRIM.invoke(0L);
        } catch (final Throwable e) {
            throw new IllegalStateException("malloc_trim failed", e);
        }
    }

    /** {@code int malloc_trim(size_t pad)}, or null where the C library has none (not glibc). */
    private static MethodHandle mallocTrim() {
        final Linker linker = Linker.nativeLinker();
        return linker.defaultLookup()
                .find("malloc_trim")
                .map(
                        address ->
                                linker.downcallHandle(
                                        address,
                                        FunctionDescriptor.of(
                                                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)))
                .orElse(null);
    }
}
