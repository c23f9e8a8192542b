package io.dreamloop.designer.rest;

import io.dreamloop.designer.persistence.DesignedLibraryEntity;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A library as {@code GET /libraries/{id}} shows it.
 *
 * @param libraryId the library
 * @param status designed or failed
 * @param failure why it failed, if it did
 * @param totalMembers members designed
 * @param chunks library-designed events published
 * @param membersBySubset members per subset
 * @param seed the seed
 * @param designer the design code
 * @param createdAt when the request was consumed
 */
public record LibraryView(
        String libraryId,
        String status,
        String failure,
        int totalMembers,
        int chunks,
        Map<String, Long> membersBySubset,
        long seed,
        String designer,
        Instant createdAt) {

    static LibraryView of(final DesignedLibraryEntity e, final Map<String, Long> bySubset) {
        return new LibraryView(
                e.libraryId(),
                e.status().name().toLowerCase(Locale.ROOT),
                e.failure(),
                e.totalMembers(),
                e.chunkCount(),
                bySubset,
                e.seed(),
                e.designer(),
                e.createdAt());
    }
}
