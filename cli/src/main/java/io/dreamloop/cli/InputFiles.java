package io.dreamloop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a command sends, checked before anything is sent. */
final class InputFiles {
    private InputFiles() {}

    /**
     * The file's text.
     *
     * @param option the option that named it, for the error
     * @throws IllegalArgumentException naming the option when the file is not there
     * @throws UncheckedIOException when it cannot be read
     */
    static String text(final Path file, final String option) {
        return new String(bytes(file, option), StandardCharsets.UTF_8);
    }

    /**
     * The file's bytes, e.g. a gzip-compressed table or a TorchScript module.
     *
     * @param option the option that named it, for the error
     * @throws IllegalArgumentException naming the option when the file is not there
     * @throws UncheckedIOException when it cannot be read
     */
    static byte[] bytes(final Path file, final String option) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + ": no such file: " + file);
        }
        try {
            return Files.readAllBytes(file);
        } catch (final IOException e) {
            throw new UncheckedIOException(option + ": cannot read " + file, e);
        }
    }
}
