package io.dreamloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This process's resident memory from {@code /proc/self/status}, with its peak ({@code VmHWM})
 * reset between measurements through {@code /proc/self/clear_refs} (Linux 4.0 and later), as the
 * PyTorch reference measures its own. NaN where {@code /proc} is missing.
 */
final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final double KIB_PER_MIB = 1024.0;

    private ResidentMemory() {}

    /** Resets the peak to the current resident memory; returns that, in MiB. */
    static double resetPeak() {
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
}
