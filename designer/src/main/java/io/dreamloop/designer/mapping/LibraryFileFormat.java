package io.dreamloop.designer.mapping;

import io.dreamloop.contracts.vocabulary.WireNames;

/** The files a designed library is downloaded as. */
public enum LibraryFileFormat {
    /** One row per member: id, subset, pair, variable region, full oligo, method, predictions. */
    TSV("text/tab-separated-values"),
    /** Full oligos, ready for synthesis, with subset, pair and method in the header line. */
    FASTA("text/x-fasta");

    private final String mediaType;

    LibraryFileFormat(final String mediaType) {
        this.mediaType = mediaType;
    }

    /** The HTTP media type of the file. */
    public String mediaType() {
        return mediaType;
    }

    /** The name in requests and the file's extension: {@code tsv}, {@code fasta}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /**
     * The format a request names.
     *
     * @throws IllegalArgumentException e.g. {@code unknown format 'csv'; use tsv or fasta}
     */
    public static LibraryFileFormat named(final String name) {
        for (final LibraryFileFormat format : values()) {
            if (format.wireName().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '%s'; use tsv or fasta".formatted(name));
    }
}
