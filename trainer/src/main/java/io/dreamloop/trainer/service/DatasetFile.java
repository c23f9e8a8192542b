package io.dreamloop.trainer.service;

import java.util.Objects;

/**
 * A DREAM-format file in the dataset, as {@code POST /dataset/files} answers.
 *
 * @param fileId {@code file-} and the first 12 hex digits of the content's SHA-256; also the run
 *     and library id of its measurements
 * @param name the name recorded at the first upload of this content
 * @param rows the rows stored
 * @param duplicate true when the same content was already in the dataset (nothing was added)
 */
public record DatasetFile(String fileId, String name, int rows, boolean duplicate) {
    public DatasetFile {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(name, "name");
        if (rows < 1) {
            throw new IllegalArgumentException("a file has at least one row, but had " + rows);
        }
    }
}
