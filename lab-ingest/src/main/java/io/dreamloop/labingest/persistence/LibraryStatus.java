package io.dreamloop.labingest.persistence;

/**
 * How much of a library has arrived.
 *
 * @param libraryId the library
 * @param totalMembers members announced
 * @param membersReceived members stored
 * @param chunkCount chunks announced
 * @param chunksReceived chunks stored
 * @param complete every chunk and member is stored
 * @param designer the design code that made it
 * @param seed its seed
 */
public record LibraryStatus(
        String libraryId,
        int totalMembers,
        long membersReceived,
        int chunkCount,
        long chunksReceived,
        boolean complete,
        String designer,
        long seed) {}
