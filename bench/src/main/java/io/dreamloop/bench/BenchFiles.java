package io.dreamloop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories of the benchmarks. */
final class BenchFiles {
    private BenchFiles() {}

    /** Deletes a directory and everything under it; a missing directory is fine. */
    static void deleteTree(final Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
